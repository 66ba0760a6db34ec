import type { ComponentStatus } from "@/db/schema";
import { COMPONENT_STATUS_LABEL } from "@/lib/status/overall";

// Client-safe constants for console forms (no zod or drizzle in the browser bundle).
export const COMPONENT_FIELD = "component:";
// Per social channel: "skip:<channel>" (a checkbox) and "customText:<channel>".
export const SKIP_FIELD = "skip:";
export const CUSTOM_TEXT_FIELD = "customText:";
/** A configured social channel as the update forms show it (from lib/fanout/social-channels.ts). */
export type SocialField = { name: string; label: string; maxText: number };
export const X_POST_MAX = 280; // equals MAX_POST in lib/incidents/input.ts (a unit test checks)
export const COMPONENT_STATUS_OPTIONS = Object.keys(COMPONENT_STATUS_LABEL) as ComponentStatus[];

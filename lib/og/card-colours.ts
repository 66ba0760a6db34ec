import type { EventStatus } from "@/db/schema";
import type { Indicator } from "@/lib/status/overall";

// The public page's tones, as solid colours with text that stays readable on them.
export const STATUS_COLOUR: Record<EventStatus, { bg: string; fg: string }> = {
  investigating: { bg: "#b91c1c", fg: "#ffffff" },
  identified: { bg: "#c2410c", fg: "#ffffff" },
  monitoring: { bg: "#1d4ed8", fg: "#ffffff" },
  resolved: { bg: "#15803d", fg: "#ffffff" },
  scheduled: { bg: "#1d4ed8", fg: "#ffffff" },
  in_progress: { bg: "#1d4ed8", fg: "#ffffff" },
  verifying: { bg: "#1d4ed8", fg: "#ffffff" },
  completed: { bg: "#15803d", fg: "#ffffff" },
};

export const INDICATOR_COLOUR: Record<Indicator, { bg: string; fg: string }> = {
  none: { bg: "#15803d", fg: "#ffffff" },
  minor: { bg: "#fcd34d", fg: "#020617" },
  major: { bg: "#c2410c", fg: "#ffffff" },
  critical: { bg: "#b91c1c", fg: "#ffffff" },
  maintenance: { bg: "#1d4ed8", fg: "#ffffff" },
};

import { z } from "zod";
import { accentProblem } from "@/lib/page/contrast";
import { UPTIME_WINDOWS } from "@/lib/uptime/days-param";

export const ANNOUNCEMENT_MAX = 5_000;
export const FOOTER_LINKS_MAX = 10;

const urlWith = (protocols: string[], what: string) => z.string().trim().max(2_000, `${what} must be at most 2000 characters`)
  .refine((v) => {
    try {
      return protocols.includes(new URL(v).protocol);
    } catch {
      return false;
    }
  }, `${what} must be a full ${protocols.map((p) => p.replace(":", "")).join(" or ")} URL (no javascript: or data:)`);

/** An IANA zone name the runtime knows ("Europe/Berlin", "UTC"); abbreviations like "CET" are refused. */
export function isIanaZone(v: string): boolean {
  if (v !== "UTC" && !/^[A-Za-z]+(\/[A-Za-z0-9_+-]+)+$/.test(v)) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: v });
    return true;
  } catch {
    return false;
  }
}

export const footerLinkInput = z.object({
  label: z.string().trim().min(1, "Each footer link needs a label").max(40, "A footer link's label must be at most 40 characters"),
  url: urlWith(["http:", "https:", "mailto:"], "A footer link"),
}).strict();

/** PATCH /api/v1/settings/page: every field optional; null clears a field back to its default. */
export const pageSettingsPatch = z.object({
  name: z.string().trim().min(1, "The page name cannot be empty").max(80, "The page name must be at most 80 characters"),
  accentColor: z.string().trim().toLowerCase().regex(/^#[0-9a-f]{6}$/, "Accent colour must be a hex colour like #2563eb")
    .superRefine((v, ctx) => {
      const problem = accentProblem(v);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }).nullable(),
  supportUrl: urlWith(["http:", "https:"], "The support URL").nullable(),
  timeZone: z.string().trim().refine(isIanaZone, "Time zone must be an IANA name such as Europe/Berlin or UTC").nullable(),
  announcement: z.string().max(ANNOUNCEMENT_MAX, `The announcement must be at most ${ANNOUNCEMENT_MAX} characters`).nullable(),
  uptimeDays: z.literal(UPTIME_WINDOWS, "Uptime history must be 30, 60 or 90 days").nullable(),
  footerLinks: z.array(footerLinkInput).max(FOOTER_LINKS_MAX, `At most ${FOOTER_LINKS_MAX} footer links`),
}).partial().strict();

export type PageSettingsPatch = z.infer<typeof pageSettingsPatch>;

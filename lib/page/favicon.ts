import type { Indicator } from "@/lib/status/overall";

/** The static favicon per overall status (public/, made by scripts/generate-icons.ts). */
export const FAVICON_FILE: Record<Indicator, string> = {
  none: "favicon-operational.png",
  minor: "favicon-degraded.png",
  major: "favicon-partial.png",
  critical: "favicon-major.png",
  maintenance: "favicon-maintenance.png",
};

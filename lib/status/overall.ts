import type { ComponentStatus } from "@/db/schema";

export type Indicator = "none" | "minor" | "major" | "critical" | "maintenance";
export type OverallStatus = { indicator: Indicator; description: string };

const RANK: Record<ComponentStatus, number> = {
  operational: 0, under_maintenance: 1, degraded_performance: 2, partial_outage: 3, major_outage: 4,
};

export const MAINTENANCE_BANNER: OverallStatus = { indicator: "maintenance", description: "Service Under Maintenance" };

/** The banner, computed from component statuses the way Statuspage does. */
export function overallStatus(statuses: readonly ComponentStatus[]): OverallStatus {
  const worst = statuses.reduce<ComponentStatus>((w, s) => (RANK[s] > RANK[w] ? s : w), "operational");
  const count = statuses.filter((s) => s === worst).length;
  switch (worst) {
    case "major_outage":
      return count > 1 || statuses.length === 1
        ? { indicator: "critical", description: "Major System Outage" }
        : { indicator: "major", description: "Partial System Outage" };
    case "partial_outage":
      return { indicator: "major", description: "Partial System Outage" };
    case "degraded_performance":
      return { indicator: "minor", description: "Degraded System Performance" };
    case "under_maintenance":
      return MAINTENANCE_BANNER;
    default:
      return { indicator: "none", description: "All Systems Operational" };
  }
}

export const COMPONENT_STATUS_LABEL: Record<ComponentStatus, string> = {
  operational: "Operational",
  degraded_performance: "Degraded performance",
  partial_outage: "Partial outage",
  major_outage: "Major outage",
  under_maintenance: "Under maintenance",
};

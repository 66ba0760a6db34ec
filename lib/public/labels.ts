import type { Classification, Impact, IncidentStatus } from "@/db/schema";

export const INCIDENT_STATUS_LABEL: Record<IncidentStatus, string> = {
  investigating: "Investigating", identified: "Identified", monitoring: "Monitoring", resolved: "Resolved",
};

export const IMPACT_LABEL: Record<Impact, string> = {
  none: "No impact", minor: "Minor", major: "Major", critical: "Critical",
};

export const CLASSIFICATION_LABEL: Record<Classification, string> = { incident: "Incident", advisory: "Advisory" };

export const IMPACT_RANK: Record<Impact, number> = { none: 0, minor: 1, major: 2, critical: 3 };

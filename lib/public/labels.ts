import type { Classification, Impact, EventStatus } from "@/db/schema";

export const INCIDENT_STATUS_LABEL: Record<EventStatus, string> = {
  investigating: "Investigating", identified: "Identified", monitoring: "Monitoring", resolved: "Resolved",
  scheduled: "Scheduled", in_progress: "In progress", verifying: "Verifying", completed: "Completed",
};

/** A cancelled maintenance is stored as completed with `cancelledAt`; readers see this instead. */
export const CANCELLED_LABEL = "Cancelled";
export const MAINTENANCE_HEADING = "Scheduled maintenance";

export const IMPACT_LABEL: Record<Impact, string> = {
  none: "No impact", minor: "Minor", major: "Major", critical: "Critical",
};

export const CLASSIFICATION_LABEL: Record<Classification, string> = { incident: "Incident", advisory: "Advisory" };

export const IMPACT_RANK: Record<Impact, number> = { none: 0, minor: 1, major: 2, critical: 3 };

import type { ServiceHealthStatus } from "@microsoft/microsoft-graph-types";
import type { EventStatus } from "@/db/schema";

// Maintenances are not service health issues (Microsoft announces them in the Message center) and
// the feed lists none; their statuses map only so the table is total.
const BY_STATUS: Record<EventStatus, ServiceHealthStatus> = {
  investigating: "investigating",
  identified: "restoringService",
  monitoring: "verifyingService",
  resolved: "serviceRestored",
  scheduled: "confirmed",
  in_progress: "serviceDegradation",
  verifying: "verifyingService",
  completed: "serviceRestored",
};

/** Herald's status in Graph's serviceHealthStatus; a published review wins over "resolved". */
export const graphStatus = (status: EventStatus, reviewPublished: boolean): ServiceHealthStatus =>
  reviewPublished ? "postIncidentReviewPublished" : BY_STATUS[status];

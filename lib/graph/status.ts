import type { ServiceHealthStatus } from "@microsoft/microsoft-graph-types";
import type { IncidentStatus } from "@/db/schema";

const BY_STATUS: Record<IncidentStatus, ServiceHealthStatus> = {
  investigating: "investigating",
  identified: "restoringService",
  monitoring: "verifyingService",
  resolved: "serviceRestored",
};

/** Herald's status in Graph's serviceHealthStatus; a published review wins over "resolved". */
export const graphStatus = (status: IncidentStatus, reviewPublished: boolean): ServiceHealthStatus =>
  reviewPublished ? "postIncidentReviewPublished" : BY_STATUS[status];

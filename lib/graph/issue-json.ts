import type { ServiceHealthIssue, ServiceHealthIssuePost } from "@microsoft/microsoft-graph-types";
import type { IncidentDetail } from "@/lib/incidents/get-incident";
import { incidentUrl } from "@/lib/api/public-url";
import { lastChangedAt } from "@/lib/incidents/last-changed";
import { postContent } from "@/lib/graph/post-content";
import { graphStatus } from "@/lib/graph/status";

/** Every field Graph documents for a serviceHealthIssue is always present (null where it has no value). */
export type GraphIssue = Required<Pick<ServiceHealthIssue, "id" | "title" | "service" | "feature" | "featureGroup" | "classification" |
  "origin" | "status" | "startDateTime" | "endDateTime" | "lastModifiedDateTime" | "isResolved" | "impactDescription" | "details">> & {
  posts: Required<ServiceHealthIssuePost>[];
};

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * An incident as Graph's serviceHealthIssue. feature = the affected components, featureGroup = their
 * groups; origin is "microsoft" in Graph's sense (the provider's own issue) and Herald's own origin
 * (responder or monitor) goes to details. Posts run oldest first, like Microsoft 365's.
 */
export function toGraphIssue(i: IncidentDetail, groupNames: Map<number, string>, base: string): GraphIssue {
  const names = (xs: (string | undefined)[]) => [...new Set(xs.filter((x): x is string => !!x))].join(", ") || null;
  const published = i.review?.publishedAt != null;
  return {
    id: i.id,
    title: i.title,
    service: i.service.name,
    feature: names(i.components.map((c) => c.name)),
    featureGroup: names(i.components.map((c) => (c.groupId === null ? undefined : groupNames.get(c.groupId)))),
    classification: i.classification,
    origin: "microsoft",
    status: graphStatus(i.status, published),
    startDateTime: iso(i.startedAt),
    endDateTime: i.resolvedAt === null ? null : iso(i.resolvedAt),
    lastModifiedDateTime: iso(lastChangedAt(i)),
    isResolved: i.status === "resolved",
    impactDescription: i.userImpact || i.title,
    details: [
      { name: "Impact", value: i.impact },
      { name: "Origin", value: i.origin },
      { name: "Url", value: incidentUrl(base, i.id) },
    ],
    posts: [...i.updates].reverse().map((u) => ({
      createdDateTime: iso(u.postedAt),
      postType: "regular",
      description: { contentType: "html", content: postContent({ incident: i, update: u }) },
    })),
  };
}

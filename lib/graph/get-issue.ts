import { getIncident } from "@/lib/incidents/get-incident";
import { groupNames } from "@/lib/graph/group-names";
import { toGraphIssue, type GraphIssue } from "@/lib/graph/issue-json";

/** One incident as a Graph serviceHealthIssue, or null when there is no such id (a maintenance is none). */
export async function getGraphIssue(id: string, base: string): Promise<GraphIssue | null> {
  const detail = await getIncident(id);
  return detail && detail.kind === "incident" ? toGraphIssue(detail, await groupNames([detail]), base) : null;
}

import { and, desc, eq, lt, ne, or, type SQL } from "drizzle-orm";
import { incidents, services } from "@/db/schema";
import { getDb } from "@/db/client";
import { getIncidents, type IncidentDetail } from "@/lib/incidents/get-incidents";
import { toGraphIssue, type GraphIssue } from "@/lib/graph/issue-json";
import { groupNames } from "@/lib/graph/group-names";
import type { GraphCursor, GraphQuery } from "@/lib/graph/query";

/** Graph issues newest first (by start), filtered; `next` is where the following page starts. */
export async function listGraphIssues(q: GraphQuery, base: string): Promise<{ value: GraphIssue[]; next: GraphCursor | null }> {
  // Planned maintenance is not a service health issue (Microsoft 365 announces it in the Message center).
  const where: SQL[] = [eq(incidents.kind, "incident")];
  if (q.filter.isResolved !== undefined) where.push(q.filter.isResolved ? eq(incidents.status, "resolved") : ne(incidents.status, "resolved"));
  if (q.filter.classification) where.push(eq(incidents.classification, q.filter.classification));
  if (q.filter.service !== undefined) where.push(eq(services.name, q.filter.service));
  if (q.after) {
    const { startedAt, number } = q.after;
    where.push(or(lt(incidents.startedAt, startedAt), and(eq(incidents.startedAt, startedAt), lt(incidents.number, number)))!);
  }
  const rows = await getDb().select({ id: incidents.id, startedAt: incidents.startedAt, number: incidents.number }).from(incidents)
    .innerJoin(services, eq(services.id, incidents.serviceId)).where(and(...where))
    .orderBy(desc(incidents.startedAt), desc(incidents.number)).limit(q.top + 1);
  const page = rows.slice(0, q.top);
  const details = (await getIncidents(page.map((r) => r.id))).filter((d): d is IncidentDetail => d !== null);
  const groups = await groupNames(details);
  const last = page.at(-1);
  return { value: details.map((d) => toGraphIssue(d, groups, base)), next: rows.length > q.top && last ? { startedAt: last.startedAt, number: last.number } : null };
}

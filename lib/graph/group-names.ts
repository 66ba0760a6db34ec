import { inArray } from "drizzle-orm";
import { componentGroups } from "@/db/schema";
import { getDb } from "@/db/client";
import type { IncidentDetail } from "@/lib/incidents/get-incident";

/** Names of the component groups the incidents' components sit in (Graph's featureGroup). */
export async function groupNames(details: IncidentDetail[]): Promise<Map<number, string>> {
  const ids = [...new Set(details.flatMap((d) => d.components.map((c) => c.groupId)).filter((g): g is number => g !== null))];
  if (ids.length === 0) return new Map();
  const rows = await getDb().select({ id: componentGroups.id, name: componentGroups.name }).from(componentGroups).where(inArray(componentGroups.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

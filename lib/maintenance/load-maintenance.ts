import { eq } from "drizzle-orm";
import { incidents, type Incident } from "@/db/schema";
import type { Tx } from "@/db/client";
import { notFound } from "@/lib/errors";

/** Inside a write: the maintenance row, or a 404 (an incident's id is not a maintenance). */
export async function loadMaintenance(tx: Tx, id: string): Promise<Incident> {
  const m = (await tx.select().from(incidents).where(eq(incidents.id, id)).limit(1))[0];
  if (!m || m.kind !== "maintenance") throw notFound(`No maintenance ${id}`);
  return m;
}

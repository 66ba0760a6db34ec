import { eq } from "drizzle-orm";
import { incidents, type Incident } from "@/db/schema";
import type { Tx } from "@/db/client";
import { notFound } from "@/lib/errors";

/** Inside a write: the maintenance row, or a 404 (an incident's id is not a maintenance). */
export function loadMaintenance(tx: Tx, id: string): Incident {
  const m = tx.select().from(incidents).where(eq(incidents.id, id)).get();
  if (!m || m.kind !== "maintenance") throw notFound(`No maintenance ${id}`);
  return m;
}

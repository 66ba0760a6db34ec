import { eq } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { componentStatusChanges, incidentUpdates, updateComponentChanges } from "@/db/schema";
import type * as schema from "@/db/schema";

/**
 * One-time data step after migration 0006/0007 (a generated migration carries no data): derive the
 * uptime facts from the component changes incident updates recorded before the facts table existed.
 * Runs only while the facts table is empty, in one IMMEDIATE transaction so two openers cannot both copy.
 */
export function backfillUptimeFacts(db: BetterSQLite3Database<typeof schema>): number {
  const hasFacts = (d: Pick<typeof db, "select">) => !!d.select({ id: componentStatusChanges.id }).from(componentStatusChanges).limit(1).get();
  // Cheap check first, so opening a database with facts never takes the write lock.
  if (hasFacts(db) || !db.select({ id: updateComponentChanges.updateId }).from(updateComponentChanges).limit(1).get()) return 0;
  return db.transaction((tx) => {
    if (hasFacts(tx)) return 0;
    const rows = tx.select({
      componentId: updateComponentChanges.componentId, at: incidentUpdates.postedAt,
      status: updateComponentChanges.newStatus, updateId: updateComponentChanges.updateId,
    }).from(updateComponentChanges).innerJoin(incidentUpdates, eq(incidentUpdates.id, updateComponentChanges.updateId)).all();
    for (let i = 0; i < rows.length; i += 500) tx.insert(componentStatusChanges).values(rows.slice(i, i + 500)).run();
    return rows.length;
  }, { behavior: "immediate" });
}

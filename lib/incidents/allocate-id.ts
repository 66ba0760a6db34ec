import { sql } from "drizzle-orm";
import { counters } from "@/db/schema";
import type { Tx } from "@/db/client";

/** First number handed out on a fresh database (HERALD_INCIDENT_NUMBER_START, default 200000). */
export function counterStart(): number {
  const n = Number(process.env.HERALD_INCIDENT_NUMBER_START ?? 200000);
  return Number.isSafeInteger(n) && n > 0 ? n : 200000;
}

/**
 * Next number from the one global counter. Runs inside the caller's IMMEDIATE transaction, so
 * concurrent creates (even from other processes) serialize on SQLite's write lock; never reused.
 */
export async function allocateIncidentNumber(tx: Tx): Promise<number> {
  await tx.insert(counters).values({ name: "incident", value: counterStart() - 1 }).onConflictDoNothing();
  const row = (await tx.update(counters).set({ value: sql`${counters.value} + 1` })
    .where(sql`${counters.name} = 'incident'`).returning({ value: counters.value }))[0];
  if (!row) throw new Error("incident counter missing");
  return row.value;
}

export const formatIncidentId = (prefix: string, n: number) => `${prefix}${n}`;

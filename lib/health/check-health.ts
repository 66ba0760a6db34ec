import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";

/** Liveness of the parts a reader depends on. Says nothing secret: no paths, no versions. */
export async function checkHealth(): Promise<{ ok: boolean; database: "ok" | "error" }> {
  try {
    await getDb().run(sql`select 1`);
    return { ok: true, database: "ok" };
  } catch {
    return { ok: false, database: "error" };
  }
}

import { eq } from "drizzle-orm";
import { pageAssets } from "@/db/schema";
import { getDb } from "@/db/client";
import { LOGO_KEY } from "@/lib/page/page-settings";

/** The current logo's bytes when `shaPrefix` names it (an old version's URL is gone), else null. */
export async function getLogo(shaPrefix: string): Promise<{ data: Buffer; contentType: string; sha256: string } | null> {
  const row = (await getDb().select().from(pageAssets).where(eq(pageAssets.key, LOGO_KEY)).limit(1))[0];
  if (!row || shaPrefix.length < 16 || !row.sha256.startsWith(shaPrefix)) return null;
  return { data: row.data, contentType: row.contentType, sha256: row.sha256 };
}

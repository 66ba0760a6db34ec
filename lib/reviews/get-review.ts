import { eq } from "drizzle-orm";
import { incidentReviews, type IncidentReview } from "@/db/schema";
import { getDb } from "@/db/client";

/** An incident's review (draft or published), or null when none was started. */
export async function getReview(incidentId: string): Promise<IncidentReview | null> {
  return ((await getDb().select().from(incidentReviews).where(eq(incidentReviews.incidentId, incidentId)).limit(1))[0]) ?? null;
}

import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { incidents } from "@/db/schema";

/** Whether any incident was opened on the service (its ID prefix is then fixed). */
export async function serviceInUse(serviceId: number): Promise<boolean> {
  return !!((await getDb().select({ id: incidents.id }).from(incidents).where(eq(incidents.serviceId, serviceId)).limit(1))[0]);
}

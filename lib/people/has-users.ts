import { users } from "@/db/schema";
import { getDb } from "@/db/client";

/** Whether anyone has an account yet; until then the console sends visitors to /setup. */
export async function hasUsers(): Promise<boolean> {
  return ((await getDb().select({ id: users.id }).from(users).limit(1))[0]) !== undefined;
}

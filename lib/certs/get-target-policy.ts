import { eq } from "drizzle-orm";
import { settings } from "@/db/schema";
import { getDb } from "@/db/client";
import { DEFAULT_TARGET_POLICY, targetPolicyInput, type TargetPolicy } from "@/lib/certs/target-policy";

export const TARGET_POLICY_KEY = "monitor_targets";

/** The saved monitor target policy, or the default when no admin has saved one. */
export async function getTargetPolicy(): Promise<{ policy: TargetPolicy; updatedAt: number | null }> {
  const row = (await getDb().select().from(settings).where(eq(settings.key, TARGET_POLICY_KEY)).limit(1))[0];
  if (!row) return { policy: DEFAULT_TARGET_POLICY, updatedAt: null };
  const parsed = targetPolicyInput.safeParse(row.value);
  if (parsed.success) return { policy: parsed.data, updatedAt: row.updatedAt };
  // Only a hand-edited row gets here: fall back to the defaults rather than to no policy at all.
  console.error("[herald] the saved monitor target policy is invalid; using the default policy");
  return { policy: DEFAULT_TARGET_POLICY, updatedAt: row.updatedAt };
}

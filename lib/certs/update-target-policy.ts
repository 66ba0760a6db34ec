import { eq } from "drizzle-orm";
import { settings } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { write } from "@/lib/db/write";
import { TARGET_POLICY_KEY } from "@/lib/certs/get-target-policy";
import { DEFAULT_TARGET_POLICY, type TargetPolicy } from "@/lib/certs/target-policy";

/** Save the monitor target policy (admins only; callers check the role) and audit old and new. */
export async function updateTargetPolicy(policy: TargetPolicy, actor: Actor, now = Date.now()): Promise<{ policy: TargetPolicy; updatedAt: number }> {
  await write(async (tx) => {
    const before = (await tx.select().from(settings).where(eq(settings.key, TARGET_POLICY_KEY)).limit(1))[0];
    await tx.insert(settings).values({ key: TARGET_POLICY_KEY, value: policy, updatedAt: now })
      .onConflictDoUpdate({ target: settings.key, set: { value: policy, updatedAt: now } });
    await recordAudit(actor, {
      action: "settings.monitor_targets.updated", target: TARGET_POLICY_KEY,
      detail: { before: before?.value ?? DEFAULT_TARGET_POLICY, after: policy },
    }, tx, now);
    return { value: undefined, changes: [] }; // read at each check; nothing public to refresh
  });
  return { policy, updatedAt: now };
}

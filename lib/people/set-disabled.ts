import { eq } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/db/schema";
import type { UserActor } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { write } from "@/lib/db/write";
import { keepAnAdmin, personToChange } from "@/lib/people/admin-rules";

export const setDisabledInput = z.object({
  id: z.coerce.number({ error: "unknown person" }).int().positive({ error: "unknown person" }),
  disabled: z.enum(["true", "false"], { error: "disabled must be true or false" }).transform((v) => v === "true"),
});

/**
 * Disable or re-enable a person. A disabled person's sessions and API tokens stop at once: both
 * checks read users.disabledAt on every request. Not oneself, and never the last enabled admin.
 */
export async function setDisabled(input: z.infer<typeof setDisabledInput>, actor: UserActor, now = Date.now()): Promise<void> {
  await write(async (tx) => {
    const user = await personToChange(tx, input.id, actor.userId, input.disabled ? "disable" : "re-enable");
    if ((user.disabledAt !== null) === input.disabled) return { value: undefined, changes: [] };
    if (input.disabled) await keepAnAdmin(tx, user, "disable");
    await tx.update(users).set({ disabledAt: input.disabled ? now : null }).where(eq(users.id, user.id));
    await recordAudit(actor, { action: input.disabled ? "person.disabled" : "person.enabled", target: user.email }, tx, now);
    return { value: undefined, changes: [] };
  });
}

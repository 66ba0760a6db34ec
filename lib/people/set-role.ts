import { eq } from "drizzle-orm";
import { z } from "zod";
import { ROLES, users } from "@/db/schema";
import type { UserActor } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { write } from "@/lib/db/write";
import { keepAnAdmin, personToChange } from "@/lib/people/admin-rules";

export const setRoleInput = z.object({
  id: z.coerce.number({ error: "unknown person" }).int().positive({ error: "unknown person" }),
  role: z.enum(ROLES, { error: "role must be admin or responder" }),
});

/** Change a person's role. Not one's own, and never the last enabled admin's. */
export async function setRole(input: z.infer<typeof setRoleInput>, actor: UserActor, now = Date.now()): Promise<void> {
  await write(async (tx) => {
    const user = await personToChange(tx, input.id, actor.userId, "change the role of");
    if (user.role === input.role) return { value: undefined, changes: [] };
    if (input.role !== "admin") await keepAnAdmin(tx, user, "demote");
    await tx.update(users).set({ role: input.role }).where(eq(users.id, user.id));
    await recordAudit(actor, { action: "person.role_changed", target: user.email, detail: { from: user.role, to: input.role } }, tx, now);
    return { value: undefined, changes: [] };
  });
}

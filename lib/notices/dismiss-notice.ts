import { and, eq, isNull } from "drizzle-orm";
import { notices } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { write } from "@/lib/db/write";
import { notFound } from "@/lib/errors";

/** Hide a notice from the console banner. Dismissing twice is harmless; an unknown id is a 404. */
export async function dismissNotice(id: number, actor: Actor, now = Date.now()): Promise<void> {
  await write(async (tx) => {
    const notice = (await tx.select().from(notices).where(eq(notices.id, id)).limit(1))[0];
    if (!notice) throw notFound(`No notice ${id}`);
    const changed = (await tx.update(notices).set({ dismissedAt: now })
      .where(and(eq(notices.id, id), isNull(notices.dismissedAt))).returning({ id: notices.id })).length;
    if (changed > 0) await recordAudit(actor, { action: "notice.dismissed", target: String(id), detail: { kind: notice.kind } }, tx, now);
    return { value: undefined, changes: [] }; // notices are console-only
  });
}

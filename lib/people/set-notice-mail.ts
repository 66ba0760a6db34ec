import { eq } from "drizzle-orm";
import { z } from "zod";
import { NOTICE_MAIL_CHOICES, users } from "@/db/schema";
import type { UserActor } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { write } from "@/lib/db/write";
import { notFound } from "@/lib/errors";

const choiceError = { error: "Choose off, critical, warning or every notice" };
export const noticeMailInput = z.object({ noticeMail: z.enum(NOTICE_MAIL_CHOICES, choiceError) });
export type NoticeMailInput = z.infer<typeof noticeMailInput>;

/**
 * Choose one's own mail for console notices. Turning it on mails notices raised from now on,
 * never the backlog; changing the level keeps that start.
 */
export async function setNoticeMail(input: NoticeMailInput, actor: UserActor, now = Date.now()): Promise<void> {
  await write(async (tx) => {
    const user = (await tx.select({ noticeMail: users.noticeMail, since: users.noticeMailSince, email: users.email }).from(users).where(eq(users.id, actor.userId)).limit(1))[0];
    if (!user) throw notFound("No such person");
    const on = input.noticeMail !== "off";
    const since = !on ? null : user.noticeMail === "off" || user.since === null ? now : user.since;
    await tx.update(users).set({ noticeMail: input.noticeMail, noticeMailSince: since }).where(eq(users.id, actor.userId));
    if (user.noticeMail !== input.noticeMail) await recordAudit(actor, { action: "notice_mail.changed", target: user.email, detail: { from: user.noticeMail, to: input.noticeMail } }, tx, now);
    return { value: undefined, changes: [] };
  });
}

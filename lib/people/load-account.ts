import { eq } from "drizzle-orm";
import { users, type NoticeMailChoice } from "@/db/schema";
import { getDb } from "@/db/client";
import type { UserActor } from "@/lib/auth/session";
import { readMailConfig } from "@/lib/channels/email/mail-config";

/** What the account page shows: one's notice-mail choice and whether Herald can send mail at all. */
export async function loadAccount(actor: UserActor): Promise<{ noticeMail: NoticeMailChoice; mailOff: string | null }> {
  const row = (await getDb().select({ noticeMail: users.noticeMail }).from(users).where(eq(users.id, actor.userId)).limit(1))[0];
  const mail = readMailConfig();
  return { noticeMail: row?.noticeMail ?? "off", mailOff: mail.enabled ? null : mail.reason };
}

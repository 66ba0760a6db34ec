import { and, eq, inArray } from "drizzle-orm";
import pLimit from "p-limit";
import { noticeMails, notices, users } from "@/db/schema";
import { getDb } from "@/db/client";
import { publicBaseUrl } from "@/lib/api/public-url";
import { leaseTtlMs } from "@/lib/background/lease";
import { readMailConfig } from "@/lib/channels/email/mail-config";
import { sendMail } from "@/lib/channels/email/send-mail";
import { pageIdentity } from "@/lib/page/page-identity";
import { buildNoticeMail } from "@/lib/notices/mail/build-notice-mail";
import { claimNoticeMails } from "@/lib/notices/mail/claim-notice-mails";
import { enqueueNoticeMails } from "@/lib/notices/mail/enqueue-notice-mails";
import { recordNoticeMails, type MailOutcome } from "@/lib/notices/mail/record-notice-mails";

const BATCH = 50;

/**
 * One pass of responder mail: queue a row per (new notice, opted-in responder), then claim,
 * send and record in batches. With mail off nothing is queued, so turning SMTP on later never
 * mails a backlog. `now` is injectable; each step reads it again so backoff counts real time.
 */
export async function mailNotices(opts: { now?: () => number; staleMs?: number } = {}): Promise<MailOutcome[]> {
  const now = opts.now ?? Date.now;
  const config = readMailConfig();
  if (!config.enabled) return [];
  await enqueueNoticeMails(now());
  const outcomes: MailOutcome[] = [];
  for (let pass = 0; pass < 20; pass++) {
    const claimed = await claimNoticeMails(now(), BATCH, opts.staleMs ?? Math.max(leaseTtlMs(), 30_000));
    if (claimed.length === 0) break;
    const rows = await getDb().select({ notice: notices, user: { id: users.id, email: users.email } }).from(noticeMails)
      .innerJoin(notices, eq(notices.id, noticeMails.noticeId)).innerJoin(users, eq(users.id, noticeMails.userId))
      .where(and(inArray(noticeMails.noticeId, claimed.map((c) => c.noticeId)), inArray(noticeMails.userId, claimed.map((c) => c.userId))));
    const byPair = new Map(rows.map((r) => [`${r.notice.id}:${r.user.id}`, r]));
    const { name: pageName } = await pageIdentity();
    const baseUrl = publicBaseUrl();
    const limit = pLimit(config.connections);
    const sent = await Promise.all(claimed.map((c) => limit(async () => {
      const row = byPair.get(`${c.noticeId}:${c.userId}`)!;
      const mail = buildNoticeMail({ notice: row.notice, userId: c.userId, baseUrl, pageName });
      return { claimed: c, result: await sendMail({ ...mail, to: row.user.email }) };
    })));
    outcomes.push(...(await recordNoticeMails(sent, now())));
  }
  return outcomes;
}

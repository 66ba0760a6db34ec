import { and, eq } from "drizzle-orm";
import { subscriberComponents, subscribers, type Subscriber } from "@/db/schema";
import { write } from "@/lib/db/write";
import { DomainError } from "@/lib/errors";
import { mailEnabled } from "@/lib/channels/email/mail-config";
import { sendConfirmationMail } from "@/lib/subscribers/send-confirmation";
import { resolveFilter } from "@/lib/subscribers/resolve-components";
import { one } from "@/db/one";

/** At most one confirmation mail per address in this window (HERALD_CONFIRM_RESEND_MS, 5 min). */
const resendAfterMs = () => Number(process.env.HERALD_CONFIRM_RESEND_MS) || 5 * 60_000;

/**
 * A self-service signup. The caller learns nothing about the address: known, new, active or
 * unsubscribed, the answer is the same and the mail (if any) goes out after the answer. A pending
 * or former subscriber gets a confirmation mail (one per window); an active one nothing.
 */
export async function subscribeEmail(input: { email: string; components: string[] }, now = Date.now()): Promise<void> {
  if (!mailEnabled()) throw new DomainError("not_found", "Email subscriptions are not enabled here");
  const key = input.email.trim().toLowerCase();
  const toConfirm = await write(async (tx): Promise<{ value: Subscriber | null; changes: [] }> => {
    const filter = await resolveFilter(tx, input.components);
    const existing = (await tx.select().from(subscribers).where(and(eq(subscribers.channel, "email"), eq(subscribers.targetKey, key))).limit(1))[0];
    if (existing && existing.confirmedAt !== null && existing.unsubscribedAt === null) return { value: null, changes: [] };
    if (existing && existing.unsubscribedAt === null && (existing.confirmationSentAt ?? 0) > now - resendAfterMs()) return { value: null, changes: [] };
    // A new signup, a pending one asking again (same link), or a former subscriber back (new nonce).
    const row = existing
      ? (await tx.update(subscribers).set({ target: input.email.trim(), createdAt: existing.unsubscribedAt !== null ? now : existing.createdAt, confirmedAt: null, unsubscribedAt: null, quarantinedAt: null, failingSince: null, confirmationSentAt: now })
        .where(eq(subscribers.id, existing.id)).returning())[0]!
      : await one(tx.insert(subscribers).values({ channel: "email", target: input.email.trim(), targetKey: key, createdAt: now, confirmationSentAt: now }).returning());
    await tx.delete(subscriberComponents).where(eq(subscriberComponents.subscriberId, row.id));
    for (const componentId of filter) await tx.insert(subscriberComponents).values({ subscriberId: row.id, componentId });
    return { value: row, changes: [] };
  });
  // Not awaited: a caller must not tell a new address from a known one by how long we take.
  if (toConfirm) void sendConfirmationMail(toConfirm).catch((err) => console.error("[herald] confirmation mail failed", err));
}

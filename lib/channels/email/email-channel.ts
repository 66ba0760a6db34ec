import type { Channel, SendContext, SendResult } from "@/lib/fanout/channel";
import { buildUpdateMail } from "@/lib/channels/email/build-update-mail";
import { subscriberLinks } from "@/lib/channels/email/links";
import { readMailConfig } from "@/lib/channels/email/mail-config";
import { sendMail } from "@/lib/channels/email/send-mail";
import { pageIdentity } from "@/lib/page/page-identity";

async function send(ctx: SendContext): Promise<SendResult> {
  const sub = ctx.subscriber;
  if (!sub) return { ok: false, retryable: false, error: "Email deliveries need a subscriber" };
  const links = subscriberLinks(ctx.publicUrl, sub);
  const mail = buildUpdateMail({
    incident: ctx.incident, update: ctx.update, earlierUpdateIds: ctx.earlierUpdateIds ?? [], subscriberId: sub.id,
    publicUrl: ctx.publicUrl, unsubscribeUrl: links.unsubscribe, manageUrl: links.manage, pageName: (await pageIdentity()).name,
  });
  return sendMail({ to: sub.target, ...mail });
}

/** Email subscribers: one mail per update, threaded per incident, through one SMTP pool. */
export const emailChannel: Channel = {
  name: "email",
  label: "Email subscribers",
  kind: "push",
  audience: "subscribers",
  get concurrency() {
    const c = readMailConfig();
    // Twice the pool: a mail is ready the moment a connection frees up.
    return c.enabled ? c.connections * 2 : 1;
  },
  status() {
    const c = readMailConfig();
    return c.enabled ? { enabled: true } : { enabled: false, reason: c.reason };
  },
  send,
};

import type { Channel, SendContext, SendResult } from "@/lib/fanout/channel";
import { buildSocialPost } from "@/lib/channels/social-post";
import { classifyMastodonAnswer } from "@/lib/channels/mastodon/classify-mastodon-answer";
import { instanceLimit } from "@/lib/channels/mastodon/instance-limit";
import { readMastodonConfig } from "@/lib/channels/mastodon/mastodon-config";
import { MASTODON_DEFAULT_MAX, mastodonLength } from "@/lib/channels/mastodon/mastodon-length";

/**
 * Post one update as a status: the incident's first opens its thread, each later one replies
 * to the previous. The delivery id is the Idempotency-Key, so a retry after a lost answer or a
 * crash gets the status Mastodon already made instead of a second one.
 */
async function send(ctx: SendContext): Promise<SendResult> {
  const config = readMastodonConfig();
  if (!config.enabled) return { ok: false, retryable: true, error: config.reason };
  const { incident, update } = ctx;
  const max = await instanceLimit(config);
  const status = buildSocialPost({
    incidentId: incident.id, title: incident.title, status: update.status, body: update.body, postedAt: update.postedAt,
    link: `${ctx.publicUrl}/incidents/${incident.id}`, first: ctx.isFirstUpdate, customPost: ctx.customText,
  }, { max, length: mastodonLength });
  const body = { status, visibility: config.visibility, ...(ctx.previousRemoteId ? { in_reply_to_id: ctx.previousRemoteId } : {}) };
  try {
    const res = await fetch(`${config.baseUrl}/api/v1/statuses`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${config.token}`, "content-type": "application/json", accept: "application/json",
        "idempotency-key": String(ctx.delivery.id),
      },
      body: JSON.stringify(body), redirect: "error", signal: AbortSignal.timeout(config.timeoutMs),
    });
    return await classifyMastodonAnswer(res);
  } catch (err) {
    const message = err instanceof Error ? (err.name === "TimeoutError" ? `no answer within ${config.timeoutMs} ms` : err.message) : String(err);
    return { ok: false, retryable: true, error: `Could not reach Mastodon: ${message.slice(0, 300)}` };
  }
}

export const mastodonChannel: Channel = {
  name: "mastodon",
  label: "Mastodon",
  kind: "push",
  social: { maxText: MASTODON_DEFAULT_MAX },
  status() {
    const c = readMastodonConfig();
    return c.enabled ? { enabled: true } : { enabled: false, reason: c.reason };
  },
  send,
};

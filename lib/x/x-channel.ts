import type { TweetV2PostTweetResult } from "twitter-api-v2";
import type { Channel, SendContext, SendResult } from "@/lib/fanout/channel";
import { buildPostText } from "@/lib/x/build-post";
import { classifyXError } from "@/lib/x/classify-x-error";
import { findPostedTweet } from "@/lib/x/find-posted-tweet";
import { xClient } from "@/lib/x/x-client";
import { readXConfig } from "@/lib/x/x-config";
import { X_MAX_WEIGHT } from "@/lib/x/weighted-length";

/** Build the post for one update and send it: a new thread, or a reply to the previous post. */
async function send(ctx: SendContext): Promise<SendResult> {
  const config = readXConfig();
  if (!config.enabled) return { ok: false, retryable: true, error: config.reason };
  const { incident, update } = ctx;
  const text = buildPostText({
    incidentId: incident.id, title: incident.title, status: update.status, body: update.body, postedAt: update.postedAt,
    link: `${ctx.publicUrl}/incidents/${incident.id}`, first: ctx.isFirstUpdate, customPost: ctx.customText,
  });
  const client = xClient(config);
  const body = ctx.previousRemoteId ? { text, reply: { in_reply_to_tweet_id: ctx.previousRemoteId } } : { text };
  try {
    const res = await client.v2.post<TweetV2PostTweetResult>("tweets", body, { timeout: config.timeoutMs });
    return { ok: true, remoteId: res.data.id };
  } catch (err) {
    const failure = classifyXError(err);
    switch (failure.kind) {
      case "duplicate": {
        // Sent before (a crash or timeout lost the answer): never post it again.
        const id = await findPostedTweet(client, incident.id, ctx.previousRemoteId, config.timeoutMs);
        return { ok: true, remoteId: id, note: `X reported duplicate content: already posted${id ? "" : " (post id unknown)"}` };
      }
      case "rate_limited":
        return { ok: false, retryable: true, rateLimited: true, error: failure.error, ...(failure.retryAt ? { retryAt: failure.retryAt } : {}) };
      case "retryable":
        return { ok: false, retryable: true, error: failure.error };
      case "fatal":
        return { ok: false, retryable: false, error: failure.error };
    }
  }
}

export const xChannel: Channel = {
  name: "x",
  label: "X (Twitter)",
  kind: "push",
  status() {
    const c = readXConfig();
    return c.enabled ? { enabled: true } : { enabled: false, reason: c.reason };
  },
  social: { maxText: X_MAX_WEIGHT },
  send,
};

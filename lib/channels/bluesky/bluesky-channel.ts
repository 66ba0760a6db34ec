import type { AtpAgent } from "@atproto/api";
import type { Channel, SendContext, SendResult } from "@/lib/fanout/channel";
import { blueskyAgent, dropBlueskySession } from "@/lib/channels/bluesky/bluesky-agent";
import { readBlueskyConfig } from "@/lib/channels/bluesky/bluesky-config";
import { BrokenThreadError, buildRecord } from "@/lib/channels/bluesky/build-record";
import { classifyBlueskyError } from "@/lib/channels/bluesky/classify-bluesky-error";
import { findPost, POST_COLLECTION } from "@/lib/channels/bluesky/find-post";
import { BLUESKY_MAX_GRAPHEMES } from "@/lib/channels/bluesky/post-text";
import { deliveryRecordKey } from "@/lib/channels/bluesky/record-key";
import { encodeStrongRef } from "@/lib/channels/bluesky/strong-ref";

const ALREADY = "Bluesky already had this post (an earlier try's answer was lost): recorded, not posted again";

/**
 * Exactly once without the server's help: the record key is derived from the delivery, so a
 * retry first asks the PDS whether that record exists and posts only when it does not.
 */
async function post(agent: AtpAgent, ctx: SendContext): Promise<SendResult> {
  const repo = agent.assertDid;
  const rkey = deliveryRecordKey(ctx.delivery);
  const existing = await findPost(agent, repo, rkey);
  if (existing) return { ok: true, remoteId: encodeStrongRef(existing), note: ALREADY };
  const record = await buildRecord(agent, ctx, Date.now());
  try {
    const res = await agent.com.atproto.repo.createRecord({ repo, collection: POST_COLLECTION, rkey, record, validate: true });
    return { ok: true, remoteId: encodeStrongRef(res.data) };
  } catch (err) {
    // A refused create may be a key that exists after all (a concurrent or lost earlier create).
    if (classifyBlueskyError(err).kind === "refused") {
      const again = await findPost(agent, repo, rkey).catch(() => null);
      if (again) return { ok: true, remoteId: encodeStrongRef(again), note: ALREADY };
    }
    throw err;
  }
}

async function send(ctx: SendContext): Promise<SendResult> {
  const config = readBlueskyConfig();
  if (!config.enabled) return { ok: false, retryable: true, error: config.reason };
  try {
    return await post(await blueskyAgent(config), ctx);
  } catch (err) {
    if (err instanceof BrokenThreadError) return { ok: false, retryable: false, error: err.message };
    const failure = classifyBlueskyError(err);
    switch (failure.kind) {
      case "rate_limited":
        return { ok: false, retryable: true, rateLimited: true, error: failure.error, ...(failure.retryAt ? { retryAt: failure.retryAt } : {}) };
      case "retryable":
        return { ok: false, retryable: true, error: failure.error };
      case "auth":
        dropBlueskySession(); // a responder's retry signs in afresh (e.g. after a new app password)
        return { ok: false, retryable: false, error: failure.error };
      case "refused":
        return { ok: false, retryable: false, error: failure.error };
    }
  }
}

export const blueskyChannel: Channel = {
  name: "bluesky",
  label: "Bluesky",
  kind: "push",
  status() {
    const c = readBlueskyConfig();
    return c.enabled ? { enabled: true } : { enabled: false, reason: c.reason };
  },
  social: { maxText: BLUESKY_MAX_GRAPHEMES },
  send,
};

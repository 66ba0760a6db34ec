import pLimit from "p-limit";
import { leaseTtlMs, takeLease } from "@/lib/background/lease";
import { INSTANCE_ID } from "@/lib/background/loop";
import type { Channel, SendContext, SendResult } from "@/lib/fanout/channel";
import type { Outcome } from "@/lib/fanout/outcome";
import { claimSubscriberBatch } from "@/lib/subscribers/claim-batch";
import { loadSubscriberContexts } from "@/lib/subscribers/load-contexts";
import { subscriberBatchSize } from "@/lib/subscribers/quarantine";
import { recordSubscriberBatch, type Sent } from "@/lib/subscribers/record-batch";

export type SubscriberDispatchOptions = {
  now: () => number;
  random?: () => number;
  /** Batches per pass, so X and other channels get a turn; the next pass continues. */
  maxBatches?: number;
  /** The dispatcher's lease, checked before every batch (null in tests that hold none). */
  lease: string | null;
};

// Outcomes are stored in groups of this many as sends finish, not once per batch: a crash then
// repeats at most this many finished sends (plus those in flight), not a whole batch.
const RECORD_EVERY = 20;

/**
 * Send a subscriber channel's due deliveries: claim a batch in one write, send it with at most
 * `channel.concurrency` in flight, store outcomes as they come in. Memory is one batch.
 */
export async function dispatchSubscriberChannel(channel: Channel, opts: SubscriberDispatchOptions, report: Record<Outcome, number>): Promise<void> {
  const send = channel.send;
  if (!send) return;
  const limit = pLimit(Math.max(1, channel.concurrency ?? 4));
  for (let i = 0; i < (opts.maxBatches ?? 50); i++) {
    // Never send without the lease: it is what keeps two instances from both sending.
    if (opts.lease && !(await takeLease(opts.lease, INSTANCE_ID, leaseTtlMs(), opts.now()))) return;
    const batch = await claimSubscriberBatch(channel.name, opts.now(), subscriberBatchSize());
    if (batch.length === 0) return;
    const contexts = await loadSubscriberContexts(batch);
    const recorder = outcomeRecorder(opts, report);
    await Promise.all(batch.map((claimed, j) => limit(async () => {
      const ctx = contexts[j];
      recorder.add({ claimed, result: ctx ? await sendSafely(send, ctx) : { ok: false, retryable: false, error: "The update or subscriber no longer exists" } });
    })));
    await recorder.finish();
  }
}

async function sendSafely(send: NonNullable<Channel["send"]>, ctx: SendContext): Promise<SendResult> {
  try {
    return await send(ctx);
  } catch (err) {
    return { ok: false, retryable: true, error: err instanceof Error ? err.message : String(err) };
  }
}

/** Stores finished sends in groups, one write at a time; the first failure is thrown by `finish`. */
function outcomeRecorder(opts: SubscriberDispatchOptions, report: Record<Outcome, number>) {
  const waiting: Sent[] = [];
  let chain = Promise.resolve();
  let failure: unknown = null;
  const flush = () => {
    const group = waiting.splice(0);
    if (group.length === 0) return;
    chain = chain.then(() => recordSubscriberBatch(group, opts.now(), opts.random))
      .then((outcomes) => { for (const o of outcomes) report[o]++; }, (err: unknown) => { failure ??= err; });
  };
  return {
    add(sent: Sent) { waiting.push(sent); if (waiting.length >= RECORD_EVERY) flush(); },
    async finish() { flush(); await chain; if (failure) throw failure; },
  };
}

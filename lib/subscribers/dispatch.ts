import pLimit from "p-limit";
import { leaseTtlMs, takeLease } from "@/lib/background/lease";
import { INSTANCE_ID } from "@/lib/background/loop";
import type { Channel, SendResult } from "@/lib/fanout/channel";
import type { Outcome } from "@/lib/fanout/outcome";
import { claimSubscriberBatch } from "@/lib/subscribers/claim-batch";
import { loadSubscriberContexts } from "@/lib/subscribers/load-contexts";
import { subscriberBatchSize } from "@/lib/subscribers/quarantine";
import { recordSubscriberBatch } from "@/lib/subscribers/record-batch";

export type SubscriberDispatchOptions = {
  now: () => number;
  random?: () => number;
  /** Batches per pass, so X and other channels get a turn; the next pass continues. */
  maxBatches?: number;
  /** The dispatcher's lease, checked before every batch (null in tests that hold none). */
  lease: string | null;
};

/**
 * Send a subscriber channel's due deliveries: claim a batch in one write, send it with at most
 * `channel.concurrency` in flight, record the outcomes in one write. Memory is one batch.
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
    const results = await Promise.all(batch.map((claimed, j) => limit(async (): Promise<SendResult> => {
      const ctx = contexts[j];
      if (!ctx) return { ok: false, retryable: false, error: "The update or subscriber no longer exists" };
      try {
        return await send(ctx);
      } catch (err) {
        return { ok: false, retryable: true, error: err instanceof Error ? err.message : String(err) };
      }
    })));
    const outcomes = await recordSubscriberBatch(batch.map((claimed, j) => ({ claimed, result: results[j]! })), opts.now(), opts.random);
    for (const o of outcomes) report[o]++;
  }
}

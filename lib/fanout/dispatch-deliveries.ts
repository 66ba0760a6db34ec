import { leaseTtlMs, takeLease } from "@/lib/background/lease";
import { INSTANCE_ID } from "@/lib/background/loop";
import { pushChannels } from "@/lib/fanout/registry";
import { claimDelivery } from "@/lib/fanout/claim-delivery";
import { dueDeliveries } from "@/lib/fanout/due-deliveries";
import { loadSendContext } from "@/lib/fanout/load-send-context";
import { recordOutcome, type Outcome } from "@/lib/fanout/record-outcome";
import { dispatchSubscriberChannel } from "@/lib/subscribers/dispatch";

export const DISPATCH_JOB = "dispatch";

export type DispatchOptions = {
  now?: () => number;
  random?: () => number;
  /** Stop after this many sends so other jobs get a turn; the next tick continues. */
  maxSends?: number;
  /** Renew the dispatcher's lease before each send (the background loop does; tests may not). */
  holdLease?: boolean;
};

export type DispatchReport = Record<Outcome, number>;

/**
 * One pass of the outbox: send every due delivery, oldest first, each incident in order. X goes
 * one at a time per thread; subscriber channels in batches (lib/subscribers/dispatch.ts).
 */
export async function dispatchDeliveries(opts: DispatchOptions = {}): Promise<DispatchReport> {
  const now = opts.now ?? Date.now;
  const report: DispatchReport = { sent: 0, retry: 0, rate_limited: 0, dead: 0, lost: 0 };
  let budget = opts.maxSends ?? 50;
  for (const channel of pushChannels()) {
    if (!channel.send) continue;
    if (channel.audience === "subscribers") {
      await dispatchSubscriberChannel(channel, { now, random: opts.random, lease: opts.holdLease === false ? null : `job:${DISPATCH_JOB}` }, report);
      continue;
    }
    let progress = true;
    channel: while (progress && budget > 0) {
      progress = false;
      for (const head of await dueDeliveries(channel.name, now())) {
        if (budget-- <= 0) break channel;
        // Never send without the lease: it is what keeps two instances from both posting.
        if (opts.holdLease !== false && !(await takeLease(`job:${DISPATCH_JOB}`, INSTANCE_ID, leaseTtlMs(), now()))) return report;
        const ctx = await loadSendContext(head);
        const claimed = ctx && (await claimDelivery(head.id, now()));
        if (!ctx || !claimed) continue;
        const result = await channel.send({ ...ctx, delivery: claimed });
        const outcome = await recordOutcome(claimed, result, now(), opts.random);
        report[outcome]++;
        if (outcome === "sent") progress = true;
        if (outcome === "rate_limited") break channel;
      }
    }
  }
  return report;
}

import { deliveries, type IncidentUpdate } from "@/db/schema";
import type { Tx } from "@/db/client";
import { pushChannels } from "@/lib/fanout/registry";
import { enqueueSubscriberDeliveries } from "@/lib/subscribers/enqueue";
import type { ChannelOptions } from "@/lib/fanout/channel-options";

/** Write the outbox rows for one update, inside the update's own transaction. */
export async function enqueueDeliveries(tx: Tx, update: IncidentUpdate, options: ChannelOptions, now: number): Promise<void> {
  for (const channel of pushChannels()) {
    // A skipped social channel still gets its row (state "skipped"), so the console shows why nothing went out.
    const wanted = !(channel.social && options[channel.name]?.skip);
    // Subscriber channels: one row per subscriber, none at all when the update is not wanted.
    if (channel.audience === "subscribers") {
      if (wanted) await enqueueSubscriberDeliveries(tx, channel.name, update, now);
      continue;
    }
    await tx.insert(deliveries)
            .values({
              updateId: update.id,
              incidentId: update.incidentId,
              channel: channel.name,
              state: wanted ? "pending" : "skipped",
              nextAttemptAt: now,
              createdAt: now,
            })
            .onConflictDoNothing();
  }
}

import { updateChannelOptions } from "@/db/schema";
import type { Tx } from "@/db/client";
import type { ChannelOptions } from "@/lib/fanout/channel-options";

/** Store an update's per-channel options, inside the update's own transaction. */
export async function saveChannelOptions(tx: Tx, updateId: number, options: ChannelOptions): Promise<void> {
  const rows = Object.entries(options).map(([channel, o]) => ({ updateId, channel, skip: o.skip, customText: o.customText }));
  if (rows.length > 0) await tx.insert(updateChannelOptions).values(rows);
}

import { inArray } from "drizzle-orm";
import { incidentUpdates, updateChannelOptions, type IncidentUpdate } from "@/db/schema";
import { getDb } from "@/db/client";
import type { ChannelOptions } from "@/lib/fanout/channel-options";

type UpdateRef = Pick<IncidentUpdate, "id" | "skipX" | "customPost">;

/** Whose options to read: these updates, or every update of these incidents (a few parameters, not hundreds). */
const scopeOf = (updates: UpdateRef[], incidentIds?: string[]) => incidentIds
  ? inArray(updateChannelOptions.updateId, getDb().select({ id: incidentUpdates.id }).from(incidentUpdates).where(inArray(incidentUpdates.incidentId, incidentIds)))
  : inArray(updateChannelOptions.updateId, updates.map((u) => u.id));

/**
 * The per-channel options of these updates. Updates written before update_channel_options
 * existed keep their X options in incident_updates (skip_x, custom_post): those stand in for "x".
 */
export async function loadChannelOptions(updates: UpdateRef[], incidentIds?: string[]): Promise<Map<number, ChannelOptions>> {
  const out = new Map<number, ChannelOptions>(updates.map((u) => [u.id, {}]));
  if (updates.length === 0) return out;
  const rows = await getDb().select().from(updateChannelOptions).where(scopeOf(updates, incidentIds));
  for (const r of rows) if (out.has(r.updateId)) out.get(r.updateId)![r.channel] = { skip: r.skip, customText: r.customText };
  for (const u of updates) {
    const own = out.get(u.id)!;
    if (!own.x && (u.skipX || u.customPost)) own.x = { skip: u.skipX, customText: u.customPost };
  }
  return out;
}

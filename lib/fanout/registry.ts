import type { Channel } from "@/lib/fanout/channel";
import { feedsChannel, statusPageChannel, statuspageJsonChannel } from "@/lib/fanout/pull-channels";
import { xChannel } from "@/lib/x/x-channel";

/** The one list of channels. Push channels get one outbox row per update. */
export const channels: Channel[] = [statusPageChannel, feedsChannel, statuspageJsonChannel, xChannel];

export const pushChannels = () => channels.filter((c) => c.kind === "push" && c.status().enabled);
export const channelByName = (name: string) => channels.find((c) => c.name === name);

import type { Channel } from "@/lib/fanout/channel";

/** The one list of channels. Push channels get one outbox row per update. */
export const channels: Channel[] = [];

export const pushChannels = () => channels.filter((c) => c.kind === "push" && c.status().enabled);
export const channelByName = (name: string) => channels.find((c) => c.name === name);

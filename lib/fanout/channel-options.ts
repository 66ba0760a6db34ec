/** One social channel's options for one update. */
export type ChannelOption = { skip: boolean; customText: string | null };
/** Options by channel name ("x", "mastodon", …); a channel not named posts the update as usual. */
export type ChannelOptions = Record<string, ChannelOption>;
export type ChannelOptionsInput = Record<string, { skip?: boolean; customText?: string }>;

/** The per-channel options of an update, with the API's X-only fields (skipX, customPost) as "x". */
export function channelOptionsFrom(facts: { channels?: ChannelOptionsInput; skipX?: boolean; customPost?: string }): ChannelOptions {
  const out: ChannelOptions = {};
  const given: ChannelOptionsInput = { ...facts.channels };
  if (!given.x && (facts.skipX !== undefined || facts.customPost !== undefined)) given.x = { skip: facts.skipX, customText: facts.customPost };
  for (const [name, o] of Object.entries(given)) {
    const option = { skip: o.skip ?? false, customText: o.customText?.trim() || null };
    if (option.skip || option.customText) out[name] = option;
  }
  return out;
}

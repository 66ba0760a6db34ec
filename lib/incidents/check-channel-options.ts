import type { z } from "zod";
import { socialChannels } from "@/lib/fanout/social-channels";
import type { ChannelOptionsInput } from "@/lib/fanout/channel-options";

/** An upper bound before the registry is asked; each channel's own limit is checked below. */
export const MAX_CUSTOM_TEXT = 5_000;

/** Options only for social channels in the registry, and custom text within that channel's limit. */
export function checkChannelOptions(channels: ChannelOptionsInput, ctx: z.RefinementCtx): void {
  const known = new Map(socialChannels().map((c) => [c.name, c.social?.maxText ?? 0]));
  for (const [name, o] of Object.entries(channels)) {
    const max = known.get(name);
    if (max === undefined) {
      ctx.addIssue({ code: "custom", path: [name], message: `channels: unknown social channel "${name.slice(0, 40)}" (one of ${[...known.keys()].join(", ")})` });
    } else if (o.customText && [...o.customText].length > max) {
      ctx.addIssue({ code: "custom", path: [name, "customText"], message: `customText for ${name} is too long (at most ${max} characters)` });
    }
  }
}

/** The API's X-only fields and `channels.x` say the same thing: accept one of them. */
export function checkOneXOption(facts: { channels?: ChannelOptionsInput; skipX?: boolean; customPost?: string }, ctx: z.RefinementCtx): void {
  if (facts.channels?.x && (facts.skipX !== undefined || facts.customPost !== undefined)) {
    ctx.addIssue({ code: "custom", path: ["channels", "x"], message: "channels.x and skipX/customPost both set: use one of them" });
  }
}

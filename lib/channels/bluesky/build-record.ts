import type { AppBskyFeedPost, AtpAgent } from "@atproto/api";
import type { SendContext } from "@/lib/fanout/channel";
import { STATUS_LABEL } from "@/lib/fanout/labels";
import { cardEmbed } from "@/lib/channels/bluesky/card-embed";
import { buildBlueskyText, graphemeCount } from "@/lib/channels/bluesky/post-text";
import { truncateToFit } from "@/lib/channels/social-post";
import { parseStrongRef } from "@/lib/channels/bluesky/strong-ref";

// The card's lines: no controls or bidi overrides, cut at a grapheme (never half an emoji).
const cardLine = (s: string) =>
  truncateToFit(s.replace(/\s+/g, " ").replace(/[\p{Cc}\p{Co}\p{Cn}\u202a-\u202e\u2066-\u2069]/gu, "").trim(), 300, graphemeCount);

export class BrokenThreadError extends Error {}

/**
 * The app.bsky.feed.post for one update: a thread opener with the incident's link card, or a
 * reply whose root is the thread's first post and whose parent is the previous one.
 */
export async function buildRecord(agent: AtpAgent, ctx: SendContext, now: number): Promise<AppBskyFeedPost.Main> {
  const { incident, update } = ctx;
  const link = `${ctx.publicUrl}/incidents/${incident.id}`;
  const parent = ctx.previousRemoteId ? parseStrongRef(ctx.previousRemoteId) : null;
  if (ctx.previousRemoteId && !parent) throw new BrokenThreadError(`The previous post's reference is unreadable: ${ctx.previousRemoteId.slice(0, 100)}`);
  const opens = !parent;
  const { text, facets } = buildBlueskyText({
    incidentId: incident.id, title: incident.title, status: update.status, body: update.body, postedAt: update.postedAt,
    link, first: opens, customPost: ctx.customText,
  });
  const record: AppBskyFeedPost.Main = { $type: "app.bsky.feed.post", text, facets, createdAt: new Date(now).toISOString() };
  if (parent) {
    record.reply = { root: parseStrongRef(ctx.rootRemoteId) ?? parent, parent };
  } else {
    record.embed = await cardEmbed(agent, {
      incidentId: incident.id, link, title: cardLine(`${incident.id}: ${incident.title}`),
      description: cardLine(`${incident.serviceName} · ${STATUS_LABEL[update.status]}`),
    });
  }
  return record;
}

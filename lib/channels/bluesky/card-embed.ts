import type { $Typed, AppBskyEmbedExternal, AtpAgent } from "@atproto/api";
import { incidentCardResponse } from "@/lib/og/incident-card-response";

/** Bluesky refuses external-card thumbs over 1,000,000 bytes; a larger card goes without one. */
export const THUMB_MAX_BYTES = 1_000_000;

type Card = { incidentId: string; title: string; description: string; link: string };

/**
 * The incident's link card: Herald's own OG card rendered in this process (never fetched from
 * the public URL, which may not be reachable from here) and uploaded as the thumb blob.
 */
export async function cardEmbed(agent: AtpAgent, card: Card): Promise<$Typed<AppBskyEmbedExternal.Main>> {
  const res = await incidentCardResponse(card.incidentId, null);
  const png = res ? new Uint8Array(await res.arrayBuffer()) : null;
  const thumb = png && png.byteLength <= THUMB_MAX_BYTES
    ? (await agent.com.atproto.repo.uploadBlob(png, { encoding: "image/png" })).data.blob : undefined;
  return {
    $type: "app.bsky.embed.external",
    external: { uri: card.link, title: card.title, description: card.description, ...(thumb ? { thumb } : {}) },
  };
}

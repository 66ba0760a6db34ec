import { postWebUrl } from "@/lib/channels/bluesky/strong-ref";

/** Where a responder can see a sent post, for the channels whose remote id says so. */
export function remotePostUrl(channel: string, remoteId: string | null): string | null {
  if (!remoteId) return null;
  if (channel === "x") return `https://x.com/i/web/status/${encodeURIComponent(remoteId)}`;
  if (channel === "bluesky") return postWebUrl(remoteId);
  return null;
}

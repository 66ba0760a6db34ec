import type { ComAtprotoRepoStrongRef } from "@atproto/api";

export type StrongRef = Pick<ComAtprotoRepoStrongRef.Main, "uri" | "cid">;

/** A post's strong ref as the outbox keeps it in deliveries.remoteId: "<at-uri>|<cid>". */
export const encodeStrongRef = (ref: StrongRef) => `${ref.uri}|${ref.cid}`;

export function parseStrongRef(remoteId: string | null | undefined): StrongRef | null {
  const m = /^(at:\/\/[^|\s]+)\|([a-z0-9]+)$/i.exec(remoteId ?? "");
  return m ? { uri: m[1]!, cid: m[2]! } : null;
}

/** The post's page on bsky.app, for the console (at://<did>/app.bsky.feed.post/<rkey>). */
export function postWebUrl(remoteId: string): string | null {
  const m = /^at:\/\/([^/|]+)\/app\.bsky\.feed\.post\/([^/|]+)\|/.exec(remoteId);
  return m ? `https://bsky.app/profile/${encodeURIComponent(m[1]!)}/post/${encodeURIComponent(m[2]!)}` : null;
}

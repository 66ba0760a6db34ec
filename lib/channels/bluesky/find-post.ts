import { XRPCError, type AtpAgent } from "@atproto/api";
import type { StrongRef } from "@/lib/channels/bluesky/strong-ref";

export const POST_COLLECTION = "app.bsky.feed.post";

/** The post under this record key, if the account already has it (a send whose answer was lost). */
export async function findPost(agent: AtpAgent, repo: string, rkey: string): Promise<StrongRef | null> {
  try {
    const res = await agent.com.atproto.repo.getRecord({ repo, collection: POST_COLLECTION, rkey });
    return res.data.cid ? { uri: res.data.uri, cid: res.data.cid } : null;
  } catch (err) {
    if (err instanceof XRPCError && (err.error === "RecordNotFound" || err.status === 404)) return null;
    throw err;
  }
}

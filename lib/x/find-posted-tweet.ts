import type { TwitterApi, TweetV2UserTimelineResult } from "twitter-api-v2";

/**
 * After a "duplicate content" 403 the post exists but X does not say its id. Look for it in
 * the account's recent posts: the reply to `previousId`, or the thread's first post (it names
 * the incident and replies to nothing). Null when X will not tell us (e.g. no read access).
 */
export async function findPostedTweet(client: TwitterApi, incidentId: string, previousId: string | null, timeout: number): Promise<string | null> {
  try {
    const me = await client.v2.get<{ data: { id: string } }>("users/me", undefined, { timeout });
    const timeline = await client.v2.get<TweetV2UserTimelineResult>(`users/${encodeURIComponent(me.data.id)}/tweets`,
      { max_results: 20, "tweet.fields": "referenced_tweets" }, { timeout });
    const match = (timeline.data ?? []).find((t) => {
      const repliedTo = t.referenced_tweets?.find((r) => r.type === "replied_to")?.id ?? null;
      return previousId ? repliedTo === previousId : repliedTo === null && t.text.includes(incidentId);
    });
    return match?.id ?? null;
  } catch {
    return null;
  }
}

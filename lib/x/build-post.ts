import { buildSocialPost, truncateToFit, type Counter, type PostInput } from "@/lib/channels/social-post";
import { weightedLength, X_MAX_WEIGHT } from "@/lib/x/weighted-length";

export type { PostInput } from "@/lib/channels/social-post";

/** X counts NFC text with weights (most CJK and emoji 2, any URL 23) up to 280. */
export const X_COUNTER: Counter = { max: X_MAX_WEIGHT, length: weightedLength };

export const truncateWeighted = (text: string, budget: number) => truncateToFit(text, budget, weightedLength);

/** The text of one X post (see buildSocialPost). */
export const buildPostText = (p: PostInput) => buildSocialPost(p, X_COUNTER);

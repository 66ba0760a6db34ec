/** The sections every review starts from, like Microsoft 365's post-incident reports. */
export const REVIEW_TEMPLATE = [
  "## Summary", "", "", "## Customer impact", "", "", "## Root cause", "", "",
  "## Timeline", "", "- ", "", "## What we are changing", "", "- ", "",
].join("\n");

/** The short text social channels post for the review (they add the incident ID and link). */
export const REVIEW_POST_TEXT = "We have published the post-incident review: what happened, who was affected, the root cause and what we are changing.";

export const MAX_REVIEW_BODY = 100_000;

import { chatFacts, clip, type ChatInput } from "@/lib/channels/chat-facts";

/** Block Kit limits (docs.slack.dev, block reference): header and button text, section text. */
export const SLACK_LIMITS = { header: 150, section: 3000, button: 75, url: 3000 } as const;

// Slack parses &, < and > in mrkdwn (links, @channel mentions); escaped, text stays text.
export const slackEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Escape first, then clip, so entities count toward the limit and are never cut in half. */
function mrkdwn(text: string, max: number): string {
  const escaped = slackEscape(text);
  if (escaped.length <= max) return escaped;
  const cut = clip(escaped, max);
  return cut.replace(/&[a-z]{0,3}…$/, "…");
}

/** An incoming-webhook message: header with ID and title, status, the update, a button to the incident. */
export function slackMessage(input: ChatInput) {
  const f = chatFacts(input);
  const status = `*Status:* ${f.status}${f.nextUpdate ? `  ·  *Next update by:* ${f.nextUpdate}` : ""}`;
  return {
    text: mrkdwn(`${f.heading} — ${f.status}`, SLACK_LIMITS.section),
    blocks: [
      { type: "header", text: { type: "plain_text", text: clip(f.heading, SLACK_LIMITS.header), emoji: false } },
      { type: "section", text: { type: "mrkdwn", text: mrkdwn(status, SLACK_LIMITS.section) } },
      { type: "section", text: { type: "mrkdwn", text: mrkdwn(f.body, SLACK_LIMITS.section) } },
      { type: "actions", elements: [{ type: "button", text: { type: "plain_text", text: "View incident" }, url: clip(f.link, SLACK_LIMITS.url) }] },
    ],
  };
}

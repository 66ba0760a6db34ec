import { chatFacts, clip, type ChatInput } from "@/lib/channels/chat-facts";

export const ADAPTIVE_CARD_VERSION = "1.5";
export const ADAPTIVE_CARD_TYPE = "application/vnd.microsoft.card.adaptive";
/** Teams refuses webhook messages over ~28 KB; the update text is cut well below that. */
export const TEAMS_BODY_MAX = 12_000;

/**
 * A Workflows webhook message with one Adaptive Card. Text goes in RichTextBlock TextRuns,
 * which Teams never reads as markdown, so a hostile title or body shows as written.
 */
export function teamsMessage(input: ChatInput) {
  const f = chatFacts(input);
  const run = (text: string, extra: Record<string, string> = {}) => ({ type: "RichTextBlock", inlines: [{ type: "TextRun", text, ...extra }] });
  const facts = [{ title: "Status", value: f.status }, ...(f.nextUpdate ? [{ title: "Next update by", value: f.nextUpdate }] : [])];
  return {
    type: "message",
    attachments: [{
      contentType: ADAPTIVE_CARD_TYPE,
      contentUrl: null,
      content: {
        $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
        type: "AdaptiveCard",
        version: ADAPTIVE_CARD_VERSION,
        body: [
          run(clip(f.heading, 400), { size: "Large", weight: "Bolder" }),
          { type: "FactSet", facts },
          run(clip(f.body, TEAMS_BODY_MAX)),
        ],
        actions: [{ type: "Action.OpenUrl", title: "View incident", url: f.link }],
      },
    }],
  };
}

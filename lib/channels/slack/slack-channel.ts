import { sendChat } from "@/lib/channels/chat-send";
import { hookConcurrency } from "@/lib/channels/outbound/concurrency";
import { slackMessage } from "@/lib/channels/slack/message";
import type { Channel } from "@/lib/fanout/channel";

/** Slack incoming webhooks: one Block Kit message per update. */
export const slackChannel: Channel = {
  name: "slack", label: "Slack", kind: "push", audience: "subscribers",
  get concurrency() { return hookConcurrency(); },
  status: () => ({ enabled: true }),
  send: (ctx) => sendChat(ctx, slackMessage),
};

import { sendChat } from "@/lib/channels/chat-send";
import { hookConcurrency } from "@/lib/channels/outbound/concurrency";
import { teamsMessage } from "@/lib/channels/teams/card";
import type { Channel } from "@/lib/fanout/channel";

/** Microsoft Teams Workflows webhooks: one Adaptive Card message per update. */
export const teamsChannel: Channel = {
  name: "teams", label: "Microsoft Teams", kind: "push", audience: "subscribers",
  get concurrency() { return hookConcurrency(); },
  status: () => ({ enabled: true }),
  send: (ctx) => sendChat(ctx, teamsMessage),
};

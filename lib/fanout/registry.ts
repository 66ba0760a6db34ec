import type { Channel } from "@/lib/fanout/channel";
import { feedsChannel, statusPageChannel, statuspageJsonChannel } from "@/lib/fanout/pull-channels";
import { slackChannel } from "@/lib/channels/slack/slack-channel";
import { teamsChannel } from "@/lib/channels/teams/teams-channel";
import { webhookChannel } from "@/lib/channels/webhook/webhook-channel";
import { xChannel } from "@/lib/x/x-channel";
import { mastodonChannel } from "@/lib/channels/mastodon/mastodon-channel";
import { emailChannel } from "@/lib/channels/email/email-channel";
import { blueskyChannel } from "@/lib/channels/bluesky/bluesky-channel";

/** The one list of channels. Push channels get one outbox row per update (subscriber channels: per subscriber). */
export const channels: Channel[] = [statusPageChannel, feedsChannel, statuspageJsonChannel, xChannel, mastodonChannel, blueskyChannel, emailChannel, webhookChannel, slackChannel, teamsChannel];

export const pushChannels = () => channels.filter((c) => c.kind === "push" && c.status().enabled);
export const channelByName = (name: string) => channels.find((c) => c.name === name);

import { incidentUrl } from "@/lib/api/public-url";
import type { ChatInput } from "@/lib/channels/chat-facts";
import { postVetted } from "@/lib/channels/outbound/post-vetted";
import type { SendContext, SendResult } from "@/lib/fanout/channel";

/** Post one update to a chat webhook (Slack, Teams): only a 2xx within 10 s counts. */
export async function sendChat(ctx: SendContext, build: (input: ChatInput) => unknown): Promise<SendResult> {
  const target = ctx.subscriber?.target;
  if (!target) return { ok: false, retryable: false, error: "No subscriber for this delivery" };
  const { incident, update } = ctx;
  const body = JSON.stringify(build({
    incidentId: incident.id, title: incident.title, status: update.status, review: update.review, body: update.body,
    nextUpdateAt: update.nextUpdateAt, link: incidentUrl(ctx.publicUrl, incident.id),
  }));
  const r = await postVetted(target, body);
  return r.ok ? { ok: true, remoteId: null } : { ok: false, retryable: true, error: r.error };
}

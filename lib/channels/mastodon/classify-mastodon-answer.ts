import type { SendResult } from "@/lib/fanout/channel";
import { readJsonBounded } from "@/lib/channels/mastodon/read-json";

/** Mastodon's X-RateLimit-Reset is an ISO 8601 time; epoch seconds are accepted too. */
function resetAt(value: string | null, now: number): number | null {
  if (!value) return null;
  const n = Number(value);
  const at = Number.isFinite(n) && value.trim() !== "" ? n * 1000 : Date.parse(value);
  // An absurd value falls back to the dispatcher's backoff.
  return Number.isFinite(at) && at > now - 60_000 && at < now + 86_400_000 ? at : null;
}

/** Turn Mastodon's answer to POST /api/v1/statuses into what the dispatcher should do. */
export async function classifyMastodonAnswer(res: Response, now = Date.now()): Promise<SendResult> {
  const body = (await readJsonBounded(res)) as { id?: unknown; error?: unknown } | null;
  if (res.ok) {
    if (typeof body?.id === "string" && body.id) return { ok: true, remoteId: body.id };
    return { ok: false, retryable: true, error: `Mastodon answered ${res.status} without a status id` };
  }
  const detail = typeof body?.error === "string" ? `: ${body.error.slice(0, 300)}` : "";
  const error = `Mastodon answered ${res.status}${detail}`;
  if (res.status === 429) {
    const at = resetAt(res.headers.get("x-ratelimit-reset"), now);
    return { ok: false, retryable: true, rateLimited: true, error, ...(at ? { retryAt: at } : {}) };
  }
  if (res.status >= 500 || res.status === 408) return { ok: false, retryable: true, error };
  return { ok: false, retryable: false, error };
}

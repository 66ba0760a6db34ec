import { XRPCError } from "@atproto/api";

export type BlueskyFailure =
  | { kind: "rate_limited"; retryAt: number | null; error: string }
  | { kind: "retryable"; error: string }
  | { kind: "auth"; error: string }
  | { kind: "refused"; error: string };

const AUTH_ERRORS = new Set(["AuthenticationRequired", "ExpiredToken", "InvalidToken", "AccountTakedown", "AccountDeactivated"]);

/**
 * Sort an @atproto/api failure into what the dispatcher should do: 429 waits for ratelimit-reset
 * (epoch seconds), 5xx and network failures/timeouts retry, auth failures and other refusals do not.
 */
export function classifyBlueskyError(err: unknown, now = Date.now()): BlueskyFailure {
  if (!(err instanceof XRPCError) || err.status < 100) {
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
    const message = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    return { kind: "retryable", error: `Could not reach the Bluesky PDS: ${message.slice(0, 300)}` };
  }
  const summary = `Bluesky answered ${err.status} ${err.error}: ${String(err.message).slice(0, 300)}`;
  if (err.status === 429) {
    const reset = Number(err.headers?.["ratelimit-reset"]);
    const ok = Number.isFinite(reset) && reset * 1000 > now - 60_000 && reset * 1000 < now + 86_400_000;
    return { kind: "rate_limited", retryAt: ok ? reset * 1000 : null, error: summary };
  }
  if (err.status >= 500) return { kind: "retryable", error: summary };
  if (err.status === 401 || AUTH_ERRORS.has(err.error)) return { kind: "auth", error: summary };
  return { kind: "refused", error: summary };
}

import { ApiRequestError, ApiResponseError } from "twitter-api-v2";

export type XFailure =
  | { kind: "duplicate" }
  | { kind: "rate_limited"; retryAt: number | null; error: string }
  | { kind: "retryable"; error: string }
  | { kind: "fatal"; error: string };

const header = (h: Record<string, string | string[] | undefined>, name: string) => {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
};

/** Sort a twitter-api-v2 failure into what the dispatcher should do about it. */
export function classifyXError(err: unknown, now = Date.now()): XFailure {
  if (err instanceof ApiResponseError) {
    const detail = err.data?.detail ?? err.data?.title ?? err.message;
    const summary = `X answered ${err.code}: ${String(detail).slice(0, 300)}`;
    if (err.code === 403 && /duplicate content/i.test(JSON.stringify(err.data ?? {}))) return { kind: "duplicate" };
    if (err.code === 429) {
      const reset = Number(header(err.headers ?? {}, "x-rate-limit-reset"));
      // x-rate-limit-reset is epoch seconds; an absurd value falls back to backoff.
      const ok = Number.isFinite(reset) && reset * 1000 > now - 60_000 && reset * 1000 < now + 86_400_000;
      return { kind: "rate_limited", retryAt: ok ? reset * 1000 : null, error: summary };
    }
    if (err.code >= 500 || err.code === 408) return { kind: "retryable", error: summary };
    return { kind: "fatal", error: summary };
  }
  // twitter-api-v2 1.29 stores the cause as `error` but its requestError getter reads another key.
  const cause = err instanceof ApiRequestError ? (err.requestError ?? (err as unknown as { _options?: { error?: unknown } })._options?.error) : err;
  const message = cause instanceof Error ? cause.message : String(cause);
  return { kind: "retryable", error: `Could not reach X: ${message.slice(0, 300)}` };
}

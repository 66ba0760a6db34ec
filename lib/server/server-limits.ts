import { bodyLimitsFromEnv, type BodyLimits } from "@/lib/http/body-limits";

/** The main thread's bounds on what a client may make the server hold (docs/security.md). */
export type ServerLimits = {
  body: BodyLimits;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  bodyIdleMs: number;
  maxInFlight: number;
  maxInFlightBodyBytes: number;
};

const num = (v: string | undefined, fallback: number, min = 0) => {
  const n = Number(v);
  return v !== undefined && v !== "" && Number.isInteger(n) && n >= min ? n : fallback;
};

export function serverLimitsFromEnv(env: Record<string, string | undefined> = process.env): ServerLimits {
  const headersTimeoutMs = num(env.HERALD_HEADERS_TIMEOUT_MS, 10_000, 1);
  return {
    body: bodyLimitsFromEnv(env),
    headersTimeoutMs,
    // Node refuses a request timeout shorter than the headers timeout.
    requestTimeoutMs: Math.max(headersTimeoutMs, num(env.HERALD_REQUEST_TIMEOUT_MS, 30_000, 1)),
    bodyIdleMs: num(env.HERALD_BODY_IDLE_TIMEOUT_MS, 10_000, 1),
    maxInFlight: num(env.HERALD_MAX_INFLIGHT, 64, 1),
    maxInFlightBodyBytes: num(env.HERALD_MAX_INFLIGHT_BODY_BYTES, 4 * 1024 * 1024, 1),
  };
}

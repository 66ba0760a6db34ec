export const X_ENV = ["X_API_KEY", "X_API_SECRET", "X_ACCESS_TOKEN", "X_ACCESS_SECRET"] as const;

export type XConfig =
  | { enabled: true; appKey: string; appSecret: string; accessToken: string; accessSecret: string; baseUrl: string | null; timeoutMs: number }
  | { enabled: false; reason: string };

/** X credentials (OAuth 1.0a user context) from the environment, read per call; never logged. */
export function readXConfig(env: Record<string, string | undefined> = process.env): XConfig {
  const get = (k: (typeof X_ENV)[number]) => env[k]?.trim() ?? "";
  const missing = X_ENV.filter((k) => !get(k));
  if (missing.length > 0) {
    const list = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(", ")} and ${missing.at(-1)}`;
    return { enabled: false, reason: `X is off: set ${list}` };
  }
  const base = env.X_API_BASE_URL?.trim() || null;
  if (base) {
    try {
      const u = new URL(base);
      if (u.protocol !== "http:" && u.protocol !== "https:") throw new Error("scheme");
    } catch {
      return { enabled: false, reason: "X is off: X_API_BASE_URL is not an http(s) URL" };
    }
  }
  const timeout = Number(env.HERALD_X_TIMEOUT_MS ?? 15_000);
  return {
    enabled: true,
    appKey: get("X_API_KEY"), appSecret: get("X_API_SECRET"),
    accessToken: get("X_ACCESS_TOKEN"), accessSecret: get("X_ACCESS_SECRET"),
    baseUrl: base, timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : 15_000,
  };
}

export type BlueskyConfig =
  | { enabled: true; service: string; identifier: string; password: string; timeoutMs: number }
  | { enabled: false; reason: string };

export const DEFAULT_BLUESKY_SERVICE = "https://bsky.social";

/** Bluesky credentials (an app password) from the environment, read per call; never logged. */
export function readBlueskyConfig(env: Record<string, string | undefined> = process.env): BlueskyConfig {
  const identifier = env.BLUESKY_IDENTIFIER?.trim() ?? "";
  const password = env.BLUESKY_APP_PASSWORD?.trim() ?? "";
  const missing = [!identifier && "BLUESKY_IDENTIFIER", !password && "BLUESKY_APP_PASSWORD"].filter(Boolean);
  if (missing.length > 0) return { enabled: false, reason: `Bluesky is off: set ${missing.join(" and ")}` };
  const service = env.BLUESKY_SERVICE?.trim() || DEFAULT_BLUESKY_SERVICE;
  try {
    const u = new URL(service);
    if (u.protocol !== "http:" && u.protocol !== "https:") throw new Error("scheme");
  } catch {
    return { enabled: false, reason: "Bluesky is off: BLUESKY_SERVICE is not an http(s) URL" };
  }
  const timeout = Number(env.HERALD_BLUESKY_TIMEOUT_MS ?? 15_000);
  return {
    enabled: true, service: service.replace(/\/+$/, ""), identifier, password,
    timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : 15_000,
  };
}

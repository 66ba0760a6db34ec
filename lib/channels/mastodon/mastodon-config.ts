export const MASTODON_VISIBILITIES = ["public", "unlisted"] as const;

export type MastodonConfig =
  | { enabled: true; baseUrl: string; token: string; visibility: (typeof MASTODON_VISIBILITIES)[number]; timeoutMs: number }
  | { enabled: false; reason: string };

/** Mastodon settings from the environment, read per call; the token is never logged. */
export function readMastodonConfig(env: Record<string, string | undefined> = process.env): MastodonConfig {
  const url = env.MASTODON_URL?.trim() ?? "", token = env.MASTODON_TOKEN?.trim() ?? "";
  if (!url || !token) {
    const missing = [!url && "MASTODON_URL", !token && "MASTODON_TOKEN"].filter(Boolean).join(" and ");
    return { enabled: false, reason: `Mastodon is off: set ${missing}` };
  }
  let base: URL;
  try {
    base = new URL(url);
    if (base.protocol !== "http:" && base.protocol !== "https:") throw new Error("scheme");
  } catch {
    return { enabled: false, reason: "Mastodon is off: MASTODON_URL is not an http(s) URL" };
  }
  const visibility = env.MASTODON_VISIBILITY?.trim() || "public";
  if (!(MASTODON_VISIBILITIES as readonly string[]).includes(visibility)) {
    return { enabled: false, reason: "Mastodon is off: MASTODON_VISIBILITY must be public or unlisted" };
  }
  const timeout = Number(env.HERALD_MASTODON_TIMEOUT_MS ?? 15_000);
  return {
    enabled: true, baseUrl: base.origin + base.pathname.replace(/\/+$/, ""), token,
    visibility: visibility as (typeof MASTODON_VISIBILITIES)[number],
    timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : 15_000,
  };
}

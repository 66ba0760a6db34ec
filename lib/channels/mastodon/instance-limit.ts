import type { MastodonConfig } from "@/lib/channels/mastodon/mastodon-config";
import { MASTODON_DEFAULT_MAX } from "@/lib/channels/mastodon/mastodon-length";
import { readJsonBounded } from "@/lib/channels/mastodon/read-json";

type Enabled = Extract<MastodonConfig, { enabled: true }>;
type Cached = { max: number; until: number };

const KNOWN_FOR_MS = 3_600_000; // an instance's limit rarely changes: ask once an hour
const UNKNOWN_FOR_MS = 60_000; // no answer: use 500 and ask again a minute later
const g = globalThis as unknown as { heraldMastodonLimits?: Map<string, Cached> };
const cache = (g.heraldMastodonLimits ??= new Map());

/** The instance's status limit (`/api/v2/instance` → configuration.statuses.max_characters), else 500; cached. */
export async function instanceLimit(config: Enabled, now = Date.now()): Promise<number> {
  const hit = cache.get(config.baseUrl);
  if (hit && hit.until > now) return hit.max;
  let found: number | null = null;
  try {
    const res = await fetch(`${config.baseUrl}/api/v2/instance`, { headers: { accept: "application/json" }, signal: AbortSignal.timeout(config.timeoutMs) });
    const body = res.ok ? await readJsonBounded(res) : null;
    const max = (body as { configuration?: { statuses?: { max_characters?: unknown } } } | null)?.configuration?.statuses?.max_characters;
    // A limit below a bare ID and link, or absurdly high, is not one to build posts for.
    if (typeof max === "number" && Number.isInteger(max) && max >= 100 && max <= 100_000) found = max;
  } catch {
    found = null;
  }
  cache.set(config.baseUrl, { max: found ?? MASTODON_DEFAULT_MAX, until: now + (found ? KNOWN_FOR_MS : UNKNOWN_FOR_MS) });
  return found ?? MASTODON_DEFAULT_MAX;
}

/** Forget cached limits (tests that restart a fake instance on another port need no call). */
export const forgetInstanceLimits = () => cache.clear();

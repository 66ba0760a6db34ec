import { AtpAgent } from "@atproto/api";
import type { BlueskyConfig } from "@/lib/channels/bluesky/bluesky-config";

type Enabled = Extract<BlueskyConfig, { enabled: true }>;
type Held = { key: string; agent: AtpAgent; login: Promise<unknown> | null };

const g = globalThis as unknown as { heraldBluesky?: Held | null };

/** Every request, the session calls included, gives up after the configured timeout. */
const timedFetch = (ms: number): typeof fetch => (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(ms) });

/**
 * One signed-in agent per process and configuration: the session (createSession) is made once
 * and reused; @atproto/api refreshes it (refreshSession) when the PDS says the token expired.
 */
export async function blueskyAgent(config: Enabled): Promise<AtpAgent> {
  const key = JSON.stringify([config.service, config.identifier, config.password, config.timeoutMs]);
  let held = g.heraldBluesky;
  if (!held || held.key !== key) {
    held = { key, agent: new AtpAgent({ service: config.service, fetch: timedFetch(config.timeoutMs) }), login: null };
    g.heraldBluesky = held;
  }
  if (!held.agent.hasSession) {
    const mine = held;
    mine.login ??= mine.agent.login({ identifier: config.identifier, password: config.password })
      .finally(() => { mine.login = null; });
    await mine.login;
  }
  return held.agent;
}

/** Forget the session (the PDS refused it and its refresh): the next send signs in again. */
export function dropBlueskySession(): void {
  g.heraldBluesky = null;
}

import pg from "pg";
import { originId } from "@/db/pg/origin";
import type { Change } from "@/lib/events/after-commit";

/** A commit another connection announced, or "everything": notifications may have been lost. */
export type WatchedChange = Change | { kind: "everything" };
export type PgWatch = { readonly connected: boolean; close(): Promise<void> };
export type PgWatchOptions = {
  /** Reconnect backoff: doubles from min to max, back to min after a connection that held. */
  minDelayMs?: number; maxDelayMs?: number;
  /** A partition sends no FIN: a heartbeat (`SELECT 1`, no table) unanswered this long drops the link. */
  heartbeatMs?: number; heartbeatTimeoutMs?: number;
};

export const CHANNEL = "herald_changes";
const KINDS = new Set<string>(["incident", "component", "service", "delivery", "page"]);

// This process's own commits reach its cache from its renderer at once; their NOTIFY would only
// make the pages readers are on render a second time. Taken at import, before the renderer starts.
const SELF = originId();
function fromSelf(payload: string | undefined): boolean {
  try { return (JSON.parse(payload ?? "") as { from?: unknown } | null)?.from === SELF; } catch { return false; }
}

/** A notification's payload as a Change, or null (malformed, unknown kind, or `monitor`: nothing public). */
export function parseChange(payload: string | undefined): Change | null {
  try {
    const v: unknown = JSON.parse(payload ?? "");
    if (typeof v !== "object" || v === null) return null;
    const { kind, id } = v as Record<string, unknown>;
    return typeof kind === "string" && KINDS.has(kind) && typeof id === "string" ? ({ kind, id } as Change) : null;
  } catch {
    return null;
  }
}

/**
 * LISTEN on one dedicated connection (not a pool's): each committed write's NOTIFY reaches
 * `onChange`. The connection comes back by itself with backoff; every (re)connect reports
 * "everything", since what was sent while it was away is lost.
 */
export function watchPg(url: string, onChange: (change: WatchedChange) => void, o: PgWatchOptions = {}): PgWatch {
  const { minDelayMs = 100, maxDelayMs = 5_000, heartbeatMs = 2_000, heartbeatTimeoutMs = 3_000 } = o;
  let client: pg.Client | null = null;
  let connected = false;
  let closed = false;
  let delay = minDelayMs;
  let retry: NodeJS.Timeout | undefined;
  let beat: NodeJS.Timeout | undefined;
  const report = (change: WatchedChange) => {
    try { onChange(change); } catch (err) { console.error("[herald] change listener failed", err); }
  };

  const drop = (c: pg.Client) => {
    if (client !== c) return; // an older client's late events
    client = null;
    connected = false;
    clearInterval(beat);
    c.removeAllListeners("notification");
    c.on("error", () => undefined); // a dying socket may still report; nobody listens any more
    c.connection.stream.destroy(); // end() would wait on a partitioned socket
    if (!closed) retry = setTimeout(connect, delay).unref();
    delay = Math.min(delay * 2, maxDelayMs);
  };

  const connect = () => {
    if (closed) return;
    const c = new pg.Client({
      connectionString: url, keepAlive: true, application_name: "herald-watch",
      connectionTimeoutMillis: heartbeatTimeoutMs, query_timeout: heartbeatTimeoutMs, // LISTEN and heartbeats alike
    });
    client = c;
    c.on("error", () => drop(c));
    c.on("end", () => drop(c));
    c.on("notification", (m) => {
      const change = m.channel === CHANNEL && !fromSelf(m.payload) ? parseChange(m.payload) : null;
      if (change) report(change);
    });
    c.connect()
      .then(() => c.query(`LISTEN ${CHANNEL}`))
      .then(() => {
        if (client !== c) return;
        connected = true;
        delay = minDelayMs;
        beat = setInterval(() => void c.query("SELECT 1").catch(() => drop(c)), heartbeatMs).unref();
        report({ kind: "everything" });
      })
      .catch(() => drop(c));
  };
  connect();

  return {
    get connected() { return connected; },
    async close() {
      closed = true;
      clearTimeout(retry);
      const c = client;
      if (!c) return;
      client = null; connected = false; clearInterval(beat);
      // A goodbye a partitioned server never acknowledges must not hold shutdown up.
      const bye = setTimeout(() => c.connection.stream.destroy(), 1_000);
      await c.end().catch(() => undefined);
      clearTimeout(bye);
    },
  };
}

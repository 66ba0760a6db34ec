import http from "node:http";
import type { AddressInfo } from "node:net";

/** One request the fake Mastodon received. */
export type MastodonRequest = { method: string; path: string; authorization: string | null; idempotencyKey: string | null; body: unknown; at: number };
export type Status = { id: string; text: string; inReplyTo: string | null; visibility: string; key: string | null };

/**
 * What to do with the next POST /api/v1/statuses. "hang" keeps the request open; with
 * `created` the status exists already (the answer is lost). "delay": made at once, answered later.
 */
export type MastodonBehaviour =
  | { kind: "ok" }
  | { kind: "rate_limit"; resetAt: string }
  | { kind: "server_error" }
  | { kind: "error"; status: number; body: unknown }
  | { kind: "hang"; created: boolean }
  | { kind: "delay"; ms: number };

const TOKEN = "fake-mastodon-token";
const graphemes = (t: string) => [...new Intl.Segmenter("en", { granularity: "grapheme" }).segment(t)].length;
// Mastodon counts every URL as 23 characters, whatever its length.
const mastodonCount = (t: string) => graphemes(t.replace(/https?:\/\/[^\s]+/g, "x".repeat(23)));

/**
 * An HTTP stand-in for a Mastodon instance on 127.0.0.1 that tests own and inspect. It wants
 * the bearer token, enforces its own `maxCharacters`, and answers a repeated Idempotency-Key
 * with the status it already made, as Mastodon does (for an hour).
 */
export async function startFakeMastodon(opts: { maxCharacters?: number | null } = {}) {
  const requests: MastodonRequest[] = [];
  const statuses: Status[] = [];
  const byKey = new Map<string, Status>();
  const queue: MastodonBehaviour[] = [];
  const hanging = new Set<http.ServerResponse>();
  let fallback: MastodonBehaviour = { kind: "ok" };
  let nextId = 110_000_000_000_000_000n;
  // null: /api/v2/instance says nothing (404), and the instance keeps Mastodon's default of 500.
  const advertised = opts.maxCharacters === undefined ? 500 : opts.maxCharacters;
  const max = advertised ?? 500;

  const send = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
    res.end(JSON.stringify(body));
  };
  const json = (s: Status) => ({ id: s.id, content: `<p>${s.text}</p>`, in_reply_to_id: s.inReplyTo, visibility: s.visibility, url: `https://mastodon.example/@herald/${s.id}` });
  const create = (text: string, inReplyTo: string | null, visibility: string, key: string | null): Status => {
    const s = { id: String(nextId++), text, inReplyTo, visibility, key };
    statuses.push(s);
    if (key) byKey.set(key, s);
    return s;
  };
  const hang = (res: http.ServerResponse) => { hanging.add(res); res.on("close", () => hanging.delete(res)); };

  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => (raw += c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://m");
      let body: unknown = null;
      try { body = raw ? JSON.parse(raw) : null; } catch { body = raw; }
      const key = typeof req.headers["idempotency-key"] === "string" ? req.headers["idempotency-key"] : null;
      requests.push({ method: req.method ?? "", path: url.pathname, authorization: req.headers.authorization ?? null, idempotencyKey: key, body, at: Date.now() });
      if (req.method === "GET" && url.pathname === "/api/v2/instance") {
        if (advertised === null) return send(res, 404, { error: "Record not found" });
        return send(res, 200, { domain: "mastodon.example", title: "Fake", configuration: { statuses: { max_characters: max, max_media_attachments: 4, characters_reserved_per_url: 23 } } });
      }
      if (req.headers.authorization !== `Bearer ${TOKEN}`) return send(res, 401, { error: "The access token is invalid" });
      if (req.method !== "POST" || url.pathname !== "/api/v1/statuses") return send(res, 404, { error: "Record not found" });
      const payload = body as { status?: unknown; in_reply_to_id?: unknown; visibility?: unknown } | null;
      const behaviour = queue.shift() ?? fallback;
      if (behaviour.kind === "rate_limit") {
        return send(res, 429, { error: "Too many requests" }, { "x-ratelimit-limit": "300", "x-ratelimit-remaining": "0", "x-ratelimit-reset": behaviour.resetAt });
      }
      if (behaviour.kind === "server_error") return send(res, 500, { error: "We're sorry, but something went wrong on our end." });
      if (behaviour.kind === "error") return send(res, behaviour.status, behaviour.body);
      if (behaviour.kind === "hang" && !behaviour.created) return hang(res);
      const known = key ? byKey.get(key) : undefined;
      if (known) return behaviour.kind === "hang" ? hang(res) : send(res, 200, json(known));
      const text = typeof payload?.status === "string" ? payload.status : "";
      if (!text) return send(res, 422, { error: "Validation failed: Text can't be blank" });
      if (mastodonCount(text) > max) return send(res, 422, { error: `Validation failed: Text character limit of ${max} exceeded` });
      const replyTo = typeof payload?.in_reply_to_id === "string" ? payload.in_reply_to_id : null;
      if (replyTo && !statuses.some((s) => s.id === replyTo)) return send(res, 404, { error: "Record not found" });
      const status = create(text, replyTo, typeof payload?.visibility === "string" ? payload.visibility : "public", key);
      if (behaviour.kind === "hang") return hang(res);
      if (behaviour.kind === "delay") {
        hang(res);
        setTimeout(() => { if (!res.destroyed) send(res, 200, json(status)); }, behaviour.ms);
        return;
      }
      return send(res, 200, json(status));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    token: TOKEN,
    requests,
    statuses,
    posts: () => requests.filter((r) => r.method === "POST" && r.path === "/api/v1/statuses"),
    instanceReads: () => requests.filter((r) => r.path === "/api/v2/instance").length,
    inFlight: () => hanging.size,
    next(...b: MastodonBehaviour[]) { queue.push(...b); },
    always(b: MastodonBehaviour) { fallback = b; },
    reset() { requests.length = 0; statuses.length = 0; byKey.clear(); queue.length = 0; fallback = { kind: "ok" }; },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

export type FakeMastodon = Awaited<ReturnType<typeof startFakeMastodon>>;

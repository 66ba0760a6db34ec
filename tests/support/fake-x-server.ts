import http from "node:http";
import type { AddressInfo } from "node:net";

/** One request the fake X server received. */
export type XRequest = { method: string; path: string; authorization: string | null; body: unknown; at: number };
export type Tweet = { id: string; text: string; inReplyTo: string | null };

/**
 * What to do with the next POST /2/tweets: answer normally, or fail like X does.
 * "hang" keeps the request open; with `created` X has already made the post (answer lost).
 */
export type Behaviour =
  | { kind: "ok" }
  | { kind: "rate_limit"; resetAt: number }
  | { kind: "server_error" }
  | { kind: "error"; status: number; body: unknown }
  | { kind: "hang"; created: boolean }
  | { kind: "delay"; ms: number }; // a slow X: the post is made at once, the answer comes `ms` later

const OAUTH_FIELDS = ["oauth_consumer_key", "oauth_nonce", "oauth_signature", "oauth_signature_method", "oauth_timestamp", "oauth_token", "oauth_version"];
const DUPLICATE = { detail: "You are not allowed to create a Tweet with duplicate content.", type: "about:blank", title: "Forbidden", status: 403 };
const USER_ID = "1500000000000000001";

/**
 * An HTTP stand-in for X's v2 API on 127.0.0.1 that tests own and inspect. It insists on an
 * OAuth 1.0a user-context header, hands out increasing ids, rejects duplicate text with X's
 * 403, and serves /2/users/me and the user's timeline so a lost post id can be found again.
 */
export async function startFakeX() {
  const requests: XRequest[] = [];
  const tweets: Tweet[] = [];
  const queue: Behaviour[] = [];
  const hanging = new Set<http.ServerResponse>();
  let fallback: Behaviour = { kind: "ok" };
  let nextId = 1_800_000_000_000_000_000n;

  const send = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
    res.end(JSON.stringify(body));
  };
  const create = (text: string, inReplyTo: string | null): Tweet => {
    const tweet = { id: String(nextId++), text, inReplyTo };
    tweets.push(tweet);
    return tweet;
  };

  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => (raw += c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://x");
      let body: unknown = null;
      try { body = raw ? JSON.parse(raw) : null; } catch { body = raw; }
      const authorization = req.headers.authorization ?? null;
      requests.push({ method: req.method ?? "", path: url.pathname, authorization, body, at: Date.now() });
      const auth = authorization ?? "";
      if (!auth.startsWith("OAuth ") || OAUTH_FIELDS.some((f) => !auth.includes(`${f}="`)) || !auth.includes('oauth_signature_method="HMAC-SHA1"')) {
        return send(res, 401, { title: "Unauthorized", type: "about:blank", status: 401, detail: "Unauthorized" });
      }
      if (req.method === "GET" && url.pathname === "/2/users/me") return send(res, 200, { data: { id: USER_ID, name: "Herald", username: "herald" } });
      if (req.method === "GET" && url.pathname === `/2/users/${USER_ID}/tweets`) {
        const data = [...tweets].reverse().slice(0, Number(url.searchParams.get("max_results") ?? 10)).map((t) => ({
          id: t.id, text: t.text, edit_history_tweet_ids: [t.id],
          ...(t.inReplyTo ? { referenced_tweets: [{ type: "replied_to", id: t.inReplyTo }] } : {}),
        }));
        return send(res, 200, { data, meta: { result_count: data.length } });
      }
      if (req.method !== "POST" || url.pathname !== "/2/tweets") return send(res, 404, { title: "Not Found Error", status: 404 });
      const payload = body as { text?: unknown; reply?: { in_reply_to_tweet_id?: unknown } } | null;
      const text = typeof payload?.text === "string" ? payload.text : "";
      const replyTo = typeof payload?.reply?.in_reply_to_tweet_id === "string" ? payload.reply.in_reply_to_tweet_id : null;
      const behaviour = queue.shift() ?? fallback;
      if (behaviour.kind === "rate_limit") {
        return send(res, 429, { title: "Too Many Requests", detail: "Too Many Requests", type: "about:blank", status: 429 },
          { "x-rate-limit-limit": "200", "x-rate-limit-remaining": "0", "x-rate-limit-reset": String(behaviour.resetAt) });
      }
      if (behaviour.kind === "server_error") return send(res, 500, { title: "Internal Server Error", status: 500 });
      if (behaviour.kind === "error") return send(res, behaviour.status, behaviour.body);
      const hang = () => { hanging.add(res); res.on("close", () => hanging.delete(res)); };
      if (behaviour.kind === "hang" && !behaviour.created) return hang(); // down: not even the duplicate check answers
      if (!text || [...text].length > 280 * 2) return send(res, 400, { title: "Invalid Request", detail: "text invalid", status: 400 });
      if (tweets.some((t) => t.text === text)) return send(res, 403, DUPLICATE);
      if (behaviour.kind === "delay") {
        const tweet = create(text, replyTo);
        hang();
        setTimeout(() => { if (!res.destroyed) send(res, 201, { data: { id: tweet.id, text: tweet.text, edit_history_tweet_ids: [tweet.id] } }); }, behaviour.ms);
        return;
      }
      if (behaviour.kind === "hang") {
        create(text, replyTo);
        return hang();
      }
      const tweet = create(text, replyTo);
      return send(res, 201, { data: { id: tweet.id, text: tweet.text, edit_history_tweet_ids: [tweet.id] } });
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    requests,
    tweets,
    posts: () => requests.filter((r) => r.method === "POST" && r.path === "/2/tweets"),
    /** Requests X has received but not answered yet (hanging or delayed). */
    inFlight: () => hanging.size,
    /** Queue behaviours for the next POSTs, in order. */
    next(...b: Behaviour[]) { queue.push(...b); },
    /** What every POST gets once the queue is empty. */
    always(b: Behaviour) { fallback = b; },
    /** Pretend X already holds this post (as if its answer was lost). */
    seed(text: string, inReplyTo: string | null = null) { return create(text, inReplyTo); },
    reset() { requests.length = 0; tweets.length = 0; queue.length = 0; fallback = { kind: "ok" }; },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

export type FakeX = Awaited<ReturnType<typeof startFakeX>>;

import { createHash } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

/** One request the fake PDS received (a blob's bytes are kept as their length). */
export type PdsRequest = { method: string; nsid: string; authorization: string | null; query: Record<string, string>; body: unknown; at: number };
export type PdsRecord = { uri: string; cid: string; rkey: string; collection: string; value: Record<string, unknown> };

/** What to do with the next createRecord: as X's fake, with "hang" optionally after writing. */
export type Behaviour =
  | { kind: "ok" }
  | { kind: "rate_limit"; resetAt: number }
  | { kind: "server_error" }
  | { kind: "hang"; created: boolean }
  | { kind: "delay"; ms: number };

export const PDS_DID = "did:plc:heraldfakepds00000000000";
export const PDS_HANDLE = "herald.bsky.test";
export const PDS_PASSWORD = "abcd-efgh-ijkl-mnop";
const TID = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/;
const segmenter = new Intl.Segmenter("en", { granularity: "grapheme" });

/** A CIDv1 (sha-256) string, base32 lower-case as the PDS writes them: `codec` 0x55 raw, 0x71 dag-cbor. */
export function cidOf(bytes: Uint8Array, codec: number): string {
  const all = Buffer.concat([Buffer.from([0x01, codec, 0x12, 0x20]), createHash("sha256").update(bytes).digest()]);
  const alphabet = "abcdefghijklmnopqrstuvwxyz234567";
  let bits = 0, value = 0, out = "b";
  for (const byte of all) {
    value = (value << 8) | byte; bits += 8;
    while (bits >= 5) { out += alphabet[(value >>> (bits - 5)) & 31]; bits -= 5; }
  }
  return bits > 0 ? out + alphabet[(value << (5 - bits)) & 31] : out;
}

/**
 * An HTTP stand-in for a Bluesky PDS on 127.0.0.1, only the XRPC methods Herald's client calls:
 * createSession, refreshSession, uploadBlob, createRecord, getRecord. It checks the app password
 * and bearer tokens, refuses post text over 300 graphemes / 3000 bytes and a second record under
 * one key, and records everything. It does NOT refuse duplicate text: neither does Bluesky.
 */
export async function startFakeBluesky() {
  const requests: PdsRequest[] = [];
  const records: PdsRecord[] = [];
  const blobs = new Map<string, { mimeType: string; bytes: Buffer }>();
  const queue: Behaviour[] = [];
  const hanging = new Set<http.ServerResponse>();
  let fallback: Behaviour = { kind: "ok" };
  let generation = 0, access = "", refresh = "";

  const send = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    if (res.destroyed) return;
    res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
    res.end(JSON.stringify(body));
  };
  const issue = () => {
    generation++;
    access = `access-${generation}`; refresh = `refresh-${generation}`;
    return { did: PDS_DID, handle: PDS_HANDLE, accessJwt: access, refreshJwt: refresh, active: true };
  };
  const hang = (res: http.ServerResponse) => { hanging.add(res); res.on("close", () => hanging.delete(res)); };
  const write = (repo: string, collection: string, rkey: string, value: Record<string, unknown>): PdsRecord => {
    const record = { uri: `at://${repo}/${collection}/${rkey}`, cid: cidOf(Buffer.from(JSON.stringify(value)), 0x71), rkey, collection, value };
    records.push(record);
    return record;
  };

  function createRecord(res: http.ServerResponse, body: { repo?: string; collection?: string; rkey?: string; record?: Record<string, unknown> }) {
    const { repo = "", collection = "", rkey = "", record = {} } = body;
    const behaviour = queue.shift() ?? fallback;
    if (behaviour.kind === "rate_limit") {
      return send(res, 429, { error: "RateLimitExceeded", message: "Rate Limit Exceeded" },
        { "ratelimit-limit": "5000", "ratelimit-remaining": "0", "ratelimit-reset": String(behaviour.resetAt), "ratelimit-policy": "5000;w=3600" });
    }
    if (behaviour.kind === "server_error") return send(res, 500, { error: "InternalServerError", message: "Internal Server Error" });
    if (behaviour.kind === "hang" && !behaviour.created) return hang(res);
    if (repo !== PDS_DID) return send(res, 400, { error: "InvalidRequest", message: "Could not find repo" });
    if (!TID.test(rkey)) return send(res, 400, { error: "InvalidRequest", message: "Invalid record key" });
    const text = typeof record.text === "string" ? record.text : "";
    if ([...segmenter.segment(text)].length > 300 || Buffer.byteLength(text) > 3000) {
      return send(res, 400, { error: "InvalidRequest", message: "Invalid app.bsky.feed.post record: Record/text must not be longer than 300 graphemes" });
    }
    if (records.some((r) => r.collection === collection && r.rkey === rkey)) return send(res, 400, { error: "InvalidRequest", message: "Record already exists" });
    const made = write(repo, collection, rkey, record);
    const answer = { uri: made.uri, cid: made.cid, validationStatus: "valid" };
    if (behaviour.kind === "hang") return hang(res);
    if (behaviour.kind === "delay") { hang(res); setTimeout(() => send(res, 200, answer), behaviour.ms); return; }
    return send(res, 200, answer);
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://pds");
      const nsid = url.pathname.replace(/^\/xrpc\//, "");
      const raw = Buffer.concat(chunks);
      const json = (req.headers["content-type"] ?? "").startsWith("application/json");
      let body: unknown = raw.length;
      if (json) { try { body = JSON.parse(raw.toString("utf8")); } catch { body = raw.toString("utf8"); } }
      const authorization = req.headers.authorization ?? null;
      requests.push({ method: req.method ?? "", nsid, authorization, query: Object.fromEntries(url.searchParams), body, at: Date.now() });
      if (nsid === "com.atproto.server.createSession") {
        const b = body as { identifier?: string; password?: string };
        if ((b.identifier !== PDS_HANDLE && b.identifier !== PDS_DID) || b.password !== PDS_PASSWORD) {
          return send(res, 401, { error: "AuthenticationRequired", message: "Invalid identifier or password" });
        }
        return send(res, 200, issue());
      }
      if (nsid === "com.atproto.server.refreshSession") {
        if (authorization !== `Bearer ${refresh}`) return send(res, 400, { error: "ExpiredToken", message: "Token has expired" });
        return send(res, 200, issue());
      }
      if (authorization !== `Bearer ${access}`) {
        return authorization?.startsWith("Bearer access-")
          ? send(res, 400, { error: "ExpiredToken", message: "Token has expired" })
          : send(res, 401, { error: "AuthenticationRequired", message: "Authentication Required" });
      }
      if (nsid === "com.atproto.repo.uploadBlob" && req.method === "POST") {
        const cid = cidOf(raw, 0x55);
        blobs.set(cid, { mimeType: req.headers["content-type"] ?? "", bytes: raw });
        return send(res, 200, { blob: { $type: "blob", ref: { $link: cid }, mimeType: req.headers["content-type"] ?? "", size: raw.length } });
      }
      if (nsid === "com.atproto.repo.createRecord" && req.method === "POST") return createRecord(res, body as Record<string, never>);
      if (nsid === "com.atproto.repo.getRecord" && req.method === "GET") {
        const q = url.searchParams;
        const found = records.find((r) => r.uri === `at://${q.get("repo")}/${q.get("collection")}/${q.get("rkey")}`);
        return found ? send(res, 200, { uri: found.uri, cid: found.cid, value: found.value })
          : send(res, 400, { error: "RecordNotFound", message: `Could not locate record: at://${q.get("repo")}/${q.get("collection")}/${q.get("rkey")}` });
      }
      return send(res, 501, { error: "MethodNotImplemented", message: "Method Not Implemented" });
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    requests,
    records,
    blobs,
    calls: (nsid: string) => requests.filter((r) => r.nsid === nsid),
    posts: () => records.filter((r) => r.collection === "app.bsky.feed.post"),
    inFlight: () => hanging.size,
    next(...b: Behaviour[]) { queue.push(...b); },
    always(b: Behaviour) { fallback = b; },
    /** Make the current access token stale, as a PDS does after ~2 hours. */
    expireAccess() { access = `access-expired-${generation}`; },
    reset() { requests.length = 0; records.length = 0; blobs.clear(); queue.length = 0; fallback = { kind: "ok" }; },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

export type FakeBluesky = Awaited<ReturnType<typeof startFakeBluesky>>;

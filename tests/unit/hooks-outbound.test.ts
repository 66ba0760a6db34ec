import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_TARGET_POLICY } from "@/lib/certs/target-policy";
import { postVetted } from "@/lib/channels/outbound/post-vetted";

type Seen = { path: string; host: string; body: string };
let seen: Seen[] = [];
let server: http.Server;
let base = "";
const policy = DEFAULT_TARGET_POLICY;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => { body += c.toString(); });
    req.on("end", () => {
      seen.push({ path: req.url ?? "", host: req.headers.host ?? "", body });
      if (req.url === "/ok") { res.writeHead(204); res.end(); }
      else if (req.url === "/moved") { res.writeHead(302, { location: `${base}/ok` }); res.end(); }
      else if (req.url === "/slow") setTimeout(() => { res.writeHead(200); res.end(); }, 2000);
      else { res.writeHead(500); res.end("receiver broke"); }
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }));
beforeEach(() => { seen = []; });

describe("postVetted", () => {
  it("counts only a 2xx as delivered and reports the status and text of anything else", async () => {
    expect(await postVetted(`${base}/ok`, "{}", { policy })).toEqual({ ok: true, status: 204 });
    expect(await postVetted(`${base}/broken`, "{}", { policy })).toEqual({ ok: false, status: 500, error: "HTTP 500: receiver broke" });
  });

  it("never follows a redirect", async () => {
    const r = await postVetted(`${base}/moved`, "{}", { policy });
    expect(r).toMatchObject({ ok: false, status: 302 });
    expect(seen.map((s) => s.path)).toEqual(["/moved"]);
  });

  it("gives up at the deadline", async () => {
    const r = await postVetted(`${base}/slow`, "{}", { policy, timeoutMs: 200 });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/no answer within 0.2 s/);
  });

  it("connects to the vetted address, not to what the name resolves to later, and keeps the name as Host", async () => {
    let lookups = 0;
    const resolve = async () => { lookups++; return ["127.0.0.1"]; };
    const port = (server.address() as AddressInfo).port;
    expect(await postVetted(`http://hooks.example:${port}/ok`, "{\"a\":1}", { policy, resolve })).toEqual({ ok: true, status: 204 });
    expect(lookups).toBe(1);
    expect(seen).toEqual([{ path: "/ok", host: `hooks.example:${port}`, body: "{\"a\":1}" }]);
  });

  it("refuses a target when any resolved address is denied, and sends nothing", async () => {
    const port = (server.address() as AddressInfo).port;
    const resolve = async () => ["127.0.0.1", "169.254.169.254"];
    const r = await postVetted(`http://rebind.example:${port}/ok`, "{}", { policy, resolve });
    expect(r).toEqual({ ok: false, error: "Target rebind.example (169.254.169.254) is not allowed: link-local/metadata addresses are blocked by the admin policy" });
    const denyLoopback = await postVetted(`${base}/ok`, "{}", { policy: { allow: [], deny: ["127.0.0.0/8"] } });
    expect(denyLoopback.ok).toBe(false);
    expect(await postVetted("http://[fe80::1]/x", "{}", { policy })).toMatchObject({ ok: false });
    expect(seen).toEqual([]);
  });

  it("refuses URLs that are not plain http(s)", async () => {
    for (const u of ["ftp://127.0.0.1/x", "file:///etc/passwd", "not a url", `http://user:pw@127.0.0.1/x`]) {
      expect((await postVetted(u, "{}", { policy })).ok).toBe(false);
    }
    expect(seen).toEqual([]);
  });
});

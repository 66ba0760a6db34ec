import { PassThrough, Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { describe, expect, it } from "vitest";
import { bodyLimitFor, bodyLimitsFromEnv, declaredLength, hasBody } from "@/lib/http/body-limits";
import { BodyRefused, countBody } from "@/lib/http/count-body";
import { inFlightGate } from "@/lib/server/in-flight";
import { restartDelay } from "@/lib/server/restart-delay";
import { serverLimitsFromEnv } from "@/lib/server/server-limits";

const L = { auth: 1, api: 2, action: 3, other: 4 };

describe("bodyLimitFor", () => {
  it.each([
    ["/api/auth/callback/credentials", {}, L.auth],
    ["/api/auth/signout?x=1", {}, L.auth],
    ["/console/signin", { "next-action": "abc" }, L.auth],
    // First-run setup and the invite/reset links are anonymous password forms too.
    ["/setup", { "next-action": "abc" }, L.auth],
    ["/invite/abcDEF123", { "next-action": "abc" }, L.auth],
    ["/reset/abcDEF123", { "next-action": "abc" }, L.auth],
    ["/setups", { "next-action": "abc" }, L.action],
    ["/api/v1/incidents", {}, L.api],
    ["/api/v1/incidents/TM1/updates?x", { "next-action": "abc" }, L.api],
    ["/console/incidents/new", {}, L.action],
    ["/", { "next-action": "abc" }, L.action],
    ["/", {}, L.other],
    ["/api/v2/summary.json", {}, L.other],
    ["/api/authx", {}, L.other],
    ["/consoles", {}, L.other],
    // Paths that a router may read another way get the smaller limit.
    ["/console/../api/auth/callback/credentials", {}, L.auth],
    ["/console/..%2Fapi/auth/callback/credentials", {}, L.auth],
    ["/console/%2e%2e/api/auth/x", {}, L.auth],
    ["//api//auth/x", {}, L.auth],
    ["/api/v1/%2e%2e/auth/x", {}, L.auth],
    ["/console/%zz", {}, L.other],
  ])("%s %o → %i", (url, headers, limit) => {
    expect(bodyLimitFor(url, headers, L)).toBe(limit);
  });

  it("takes its limits from the environment, with defaults", () => {
    expect(bodyLimitsFromEnv({})).toEqual({ auth: 16_384, api: 1_048_576, action: 1_048_576, other: 65_536 });
    expect(bodyLimitsFromEnv({ HERALD_BODY_LIMIT_AUTH: "100", HERALD_BODY_LIMIT_API: "nonsense" }).auth).toBe(100);
    expect(bodyLimitsFromEnv({ HERALD_BODY_LIMIT_API: "nonsense" }).api).toBe(1_048_576);
  });

  it("reads declared lengths; a malformed one counts as too large", () => {
    expect(declaredLength({ "content-length": "12" })).toBe(12);
    expect(declaredLength({})).toBeNull();
    expect(declaredLength({ "content-length": "1e9x" })).toBe(Number.POSITIVE_INFINITY);
    expect(hasBody({ "content-length": "0" })).toBe(false);
    expect(hasBody({ "transfer-encoding": "chunked" })).toBe(true);
    expect(hasBody({})).toBe(false);
  });
});

describe("countBody", () => {
  const sink = () => { const got: Buffer[] = []; return { got, w: new Writable({ write(c: Buffer, _e, cb) { got.push(c); cb(); } }) }; };

  it("passes a body up to the limit through unchanged", async () => {
    const { got, w } = sink();
    await pipeline(Readable.from([Buffer.from("abc"), Buffer.from("defg")]), countBody(7, 0), w);
    expect(Buffer.concat(got).toString()).toBe("abcdefg");
  });

  it("fails with 413 at the chunk that passes the limit, before passing it on", async () => {
    const { got, w } = sink();
    const err = await pipeline(Readable.from([Buffer.from("abc"), Buffer.from("defgh")]), countBody(7, 0), w).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BodyRefused);
    expect((err as BodyRefused).status).toBe(413);
    expect(Buffer.concat(got).toString()).toBe("abc");
  });

  it("fails with 408 when the body goes quiet", async () => {
    const src = new PassThrough();
    src.write("abc");
    const err = await pipeline(src, countBody(100, 30), sink().w).catch((e: unknown) => e);
    expect((err as BodyRefused).status).toBe(408);
  });
});

describe("inFlightGate", () => {
  it("bounds requests and body bytes; one body always fits alone", () => {
    const g = inFlightGate(3, 10);
    expect(g.tryEnter(50)).toBe(true); // larger than the budget, but nothing else is in flight
    expect(g.tryEnter(1)).toBe(false);
    expect(g.tryEnter(0)).toBe(true);
    g.leave(50);
    expect(g.tryEnter(6)).toBe(true);
    expect(g.tryEnter(5)).toBe(false);
    expect(g.tryEnter(4)).toBe(true);
    expect(g.tryEnter(0)).toBe(false); // three requests
    g.leave(0);
    expect(g.inFlight).toEqual({ requests: 2, bytes: 10 });
  });
});

describe("restart delay and server limits", () => {
  it("doubles from 0.5 s to at most 30 s", () => {
    expect([0, 1, 2, 3, 5, 6, 7, 100].map((a) => restartDelay(a))).toEqual([500, 1000, 2000, 4000, 16_000, 30_000, 30_000, 30_000]);
  });
  it("keeps the request timeout at least the headers timeout", () => {
    const l = serverLimitsFromEnv({ HERALD_HEADERS_TIMEOUT_MS: "5000", HERALD_REQUEST_TIMEOUT_MS: "1000" });
    expect([l.headersTimeoutMs, l.requestTimeoutMs]).toEqual([5000, 5000]);
    expect(serverLimitsFromEnv({})).toMatchObject({ headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, bodyIdleMs: 10_000, maxInFlight: 64, maxInFlightBodyBytes: 4_194_304 });
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { checkResults } from "@/db/schema";
import { POST as createRoute } from "@/app/api/v1/monitors/route";
import { POST as checkRoute } from "@/app/api/v1/monitors/[id]/check/route";
import { checkNow } from "@/lib/certs/check-now";
import { call, tokenOf, type ErrorJson } from "@/tests/integration/api-support";
import { responder, seedCatalog } from "@/tests/support/fixtures";
import { closeAllServers, makeTestPki, startTlsServer } from "@/tests/support/tls-fixtures";

/*
 * Check now is a probe on demand (issue 9, finding 7): per monitor and per caller it is limited,
 * with a 429, Retry-After and a sentence on the API, and no probe at all past the limit.
 */
const pki = makeTestPki();
let token: string, adminToken: string, port: number;
const monitor = async (name: string) => (await call(createRoute, { path: "/api/v1/monitors", token, body: {
  name, host: "127.0.0.1", port, servername: "localhost", caPem: pki.root.pem, service: "teams", components: [],
} })).json as { id: number };
const check = (id: number, t = token) => call(checkRoute, { path: `/api/v1/monitors/${id}/check`, token: t, method: "POST", params: { id: String(id) } });
const results = async (id: number) => (await getDb().select({ n: count() }).from(checkResults).where(eq(checkResults.monitorId, id)).limit(1))[0]?.n ?? 0;

beforeAll(async () => {
  await seedCatalog();
  token = await tokenOf("responder@herald.test");
  adminToken = await tokenOf("admin@herald.test");
  port = (await startTlsServer(pki.valid, [pki.intermediate])).port;
});
afterAll(closeAllServers);

describe("Check now limits", () => {
  it("per monitor: the seventh check in a minute is a 429 that names the wait, and probes nothing", async () => {
    const { id } = await monitor("Limited");
    for (let i = 0; i < 6; i++) expect((await check(id, i % 2 ? token : adminToken)).status).toBe(200);
    const refused = await check(id, adminToken); // another caller: the monitor's own budget is spent
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toMatch(/^[1-9]\d*$/);
    expect((refused.json as ErrorJson).error).toMatch(/^This monitor was checked 6 times in the last minute; try again in \d+ s$/);
    expect(await results(id)).toBe(6);
  });

  it("per caller: twenty checks a minute across monitors, then 429 for that caller only", async () => {
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push((await monitor(`Spread ${i}`)).id);
    const t0 = Date.now() + 120_000; // a minute the first test did not touch
    for (let i = 0; i < 20; i++) await checkNow(ids[i % 5] ?? 0, responder, t0 + i);
    await expect(checkNow(ids[0] ?? 0, responder, t0 + 100)).rejects.toThrow(/^You ran 20 checks in the last minute; try again in 60 s$/);
    const other = { ...responder, userId: 1, email: "admin@herald.test" };
    await expect(checkNow(ids[0] ?? 0, other, t0 + 100)).resolves.toMatchObject({ monitor: { id: ids[0] } });
    // A minute after the first of them, the caller may check again.
    await expect(checkNow(ids[1] ?? 0, responder, t0 + 60_001)).resolves.toMatchObject({ monitor: { id: ids[1] } });
  });
});

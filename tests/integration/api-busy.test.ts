import { beforeAll, describe, expect, it } from "vitest";
import { GET as listServices } from "@/app/api/v1/services/route";
import { POST as createIncident } from "@/app/api/v1/incidents/route";
import { seedCatalog } from "@/tests/support/fixtures";
import { holdWriteLock } from "@/tests/support/db-kit";
import { call, snapshot, tokenOf, type ErrorJson } from "@/tests/integration/api-support";

// Read when the connection opens (lazily, in beforeAll): wait briefly for the lock, then give up.
process.env.HERALD_BUSY_TIMEOUT_MS = "150";

let token: string;

beforeAll(async () => {
  await seedCatalog();
  token = await tokenOf("responder@herald.test");
  await call(listServices, { path: "/api/v1/services", token }); // marks the token used, so reads stay reads
});

describe("a busy database", () => {
  it("answers 503 with a JSON error while another connection holds the write lock, and 201 after", async () => {
    const body = { service: "teams", title: "Busy", message: "x" };
    const other = await holdWriteLock();
    try {
      const snap = await snapshot(); // WAL: reads still work under another writer's lock
      const res = await call(createIncident, { path: "/api/v1/incidents", token, body });
      expect(res.status).toBe(503);
      expect((res.json as ErrorJson).error).toMatch(/busy/);
      expect((await call(listServices, { path: "/api/v1/services", token })).status).toBe(200);
      expect(await snapshot()).toEqual(snap);
    } finally {
      await other.release();
    }
    expect((await call(createIncident, { path: "/api/v1/incidents", token, body })).status).toBe(201);
  });
});

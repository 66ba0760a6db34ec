import http from "node:http";
import { afterAll, beforeAll, expect, it } from "vitest";
import { FrontCache } from "@/lib/front-cache/store";
import { startFrontServer } from "@/tests/support/front-server";

// A real HTTP "Next" behind the real front handler; it fails (500) once the database is unreachable.
let failing = false;
let version = 1;
const cache = new FrontCache();
const upstream = async (_req: http.IncomingMessage, res: http.ServerResponse) => {
  if (failing) { res.writeHead(500, { "content-type": "text/html" }).end("<h1>Internal Server Error</h1>"); return; }
  res.writeHead(200, { "content-type": "text/html" }).end(`<p>version ${version}</p>`);
};
let app: Awaited<ReturnType<typeof startFrontServer>>, base = "";
beforeAll(async () => { app = await startFrontServer(upstream, { cache }); base = app.base; });
afterAll(() => app.close());
const get = async (path: string) => {
  const r = await fetch(base + path);
  return { status: r.status, body: await r.text(), cache: r.headers.get("x-herald-cache") };
};

it("a re-render that fails (5xx) serves the page it had, not the error; the next good render replaces it", async () => {
  expect(await get("/")).toMatchObject({ status: 200, body: expect.stringContaining("version 1") as string, cache: "MISS" });
  failing = true;
  version = 2;
  cache.invalidate(Date.now() - 5_000); // a change long past the stale limit: the reader waits for the render
  expect(await get("/")).toMatchObject({ status: 200, body: expect.stringContaining("version 1") as string, cache: "STALE" });
  expect(await get("/incidents/TM1")).toMatchObject({ status: 500 }); // nothing cached to fall back on
  failing = false;
  expect(await get("/")).toMatchObject({ status: 200, body: expect.stringContaining("version 2") as string });
});

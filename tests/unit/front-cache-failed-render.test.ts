import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createFrontHandler } from "@/lib/front-cache/front-handler";
import { FrontCache } from "@/lib/front-cache/store";

// A real HTTP "Next" behind the real front handler; it fails (500) once the database is unreachable.
let failing = false;
let version = 1;
const cache = new FrontCache();
const lookup = { incidentExists: (id: string) => id.startsWith("TM"), historyCursor: () => null };
const upstream = async (_req: http.IncomingMessage, res: http.ServerResponse) => {
  if (failing) { res.writeHead(500, { "content-type": "text/html" }).end("<h1>Internal Server Error</h1>"); return; }
  res.writeHead(200, { "content-type": "text/html" }).end(`<p>version ${version}</p>`);
};
let server: http.Server, base = "";
let front: ReturnType<typeof createFrontHandler>;
beforeAll(async () => {
  server = http.createServer((req, res) => void front.handle(req, res));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  front = createFrontHandler({ cache, next: upstream, lookup, target: { port, secret: "s3cret", host: "status.test" } });
});
afterAll(() => { server.closeAllConnections(); server.close(); });
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

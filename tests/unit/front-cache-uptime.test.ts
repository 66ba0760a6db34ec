import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FrontCache } from "@/lib/front-cache/store";
import { startFrontServer } from "@/tests/support/front-server";

// A real HTTP server behind the real front handler. Its stand-in "Next" renders the status page with
// its uptime box left empty when asked to (as app/(public)/page.tsx does), and the boxes apart.
const rendered: string[] = [];
let page = 1, bars = 1, barsStatus = 200;
const upstream = async (req: http.IncomingMessage, res: http.ServerResponse) => {
  rendered.push(req.url ?? "");
  if (req.url === "/_herald/uptime-blocks?days=90") {
    res.writeHead(barsStatus, { "content-type": "application/json" });
    return void res.end(JSON.stringify({ days: 90, blocks: { "teams/chat": `<ol class="ub d90">bars ${bars}</ol>` } }));
  }
  const box = req.headers["x-herald-fills-uptime"] ? '<div class="mt-2" data-uptime="chat" data-uptime-slot="90/teams/chat"></div>' : "<div>in place</div>";
  res.writeHead(200, { "content-type": "text/html" });
  res.end(`<html><head></head><body><p>page ${page}</p>${box}</body></html>`);
};
const cache = new FrontCache();
let app: Awaited<ReturnType<typeof startFrontServer>>;
beforeAll(async () => { app = await startFrontServer(upstream, { cache }); });
afterAll(() => app.close());
const get = (path: string) => fetch(app.base + path);
const since = (n: number) => rendered.slice(n).sort();

describe("front cache: the status page's uptime boxes", () => {
  it("fills the page's empty box from the boxes' own render", async () => {
    const html = await (await get("/")).text();
    expect(html).toContain('<p>page 1</p><div class="mt-2" data-uptime="chat"><ol class="ub d90">bars 1</ol></div>');
    expect(html).not.toContain("data-uptime-slot");
    expect(rendered.sort()).toEqual(["/", "/_herald/uptime-blocks?days=90"]);
  });

  it("re-renders the page, not the boxes, after an update to an incident; both after a component change", async () => {
    let n = rendered.length;
    page = 2; bars = 2;
    cache.invalidate(Date.now(), "TM1"); // an update to TM1: the boxes cannot have changed
    expect(await (await get("/")).text()).toContain("<p>page 2</p><div class=\"mt-2\" data-uptime=\"chat\"><ol class=\"ub d90\">bars 1</ol></div>");
    expect(since(n)).toEqual(["/"]);
    n = rendered.length;
    cache.invalidate(); // a component's status changed
    expect(await (await get("/")).text()).toContain("bars 2");
    expect(since(n)).toEqual(["/", "/_herald/uptime-blocks?days=90"]);
  });

  it("keeps serving the page readers had when the boxes fail to render", async () => {
    barsStatus = 500; page = 3;
    cache.invalidate();
    const res = await get("/");
    expect(res.headers.get("x-herald-cache")).toBe("STALE");
    expect(await res.text()).toContain("<p>page 2</p><div class=\"mt-2\" data-uptime=\"chat\"><ol class=\"ub d90\">bars 2</ol></div>");
    barsStatus = 200;
  });
});

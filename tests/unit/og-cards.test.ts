import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PNG } from "pngjs";
import { postUpdate } from "@/lib/incidents/post-update";
import { cardFonts } from "@/lib/og/card-fonts";
import { cardText } from "@/lib/og/card-text";
import { incidentCardResponse } from "@/lib/og/incident-card-response";
import { statusCardResponse, statusCardVersion } from "@/lib/og/status-card-response";
import { open, responder, seedCatalog } from "@/tests/support/fixtures";
import * as incidentRoute from "@/app/og/incidents/[id]/route";

// A tripwire, not a stand-in: any attempt to fetch a font or emoji fails the test.
const realFetch = globalThis.fetch;
let fetched: string[] = [];
beforeEach(() => {
  fetched = [];
  globalThis.fetch = (async (input: RequestInfo | URL) => { fetched.push(String(input)); throw new Error("no network in tests"); }) as typeof fetch;
});
afterEach(() => { globalThis.fetch = realFetch; });

async function png(res: Response | null) {
  expect(res?.headers.get("content-type")).toBe("image/png");
  return PNG.sync.read(Buffer.from(await res!.arrayBuffer()));
}
const pixel = (img: PNG, x: number, y: number) => {
  const i = (img.width * y + x) * 4;
  return `#${[img.data[i], img.data[i + 1], img.data[i + 2]].map((n) => (n ?? 0).toString(16).padStart(2, "0")).join("")}`;
};

let id: string;
beforeAll(async () => {
  await seedCatalog();
  const title = `<b>Teams</b> 🔥👩‍💻 サインインできない 障害 ${"very long title ".repeat(20)}`;
  const body = `${"長いメッセージ 🚨 <script>x</script> ".repeat(400)}`.slice(0, 10_000);
  id = (await open({ title: title.slice(0, 200), message: body })).id;
});

describe("Open Graph cards", () => {
  it("render a 1200×630 PNG for an incident with emoji, CJK and markup, without touching the network", async () => {
    const res = await incidentCardResponse(id, null);
    const img = await png(res);
    expect([img.width, img.height]).toEqual([1200, 630]);
    expect(pixel(img, 600, 8)).toBe("#b91c1c"); // the "investigating" colour along the top
    expect(fetched).toEqual([]);
  });

  it("use the status colour of the incident's current state", async () => {
    const inc = await open({ title: "Calendar sync" });
    await postUpdate(inc.id, { status: "resolved", message: "Fixed" }, responder);
    const img = await png(await incidentCardResponse(inc.id, null));
    expect(pixel(img, 600, 8)).toBe("#15803d");
  });

  it("cache for a year only when ?v= names the current version; otherwise a minute", async () => {
    const first = await incidentCardResponse(id, null);
    expect(first?.headers.get("cache-control")).toBe("public, max-age=60");
    const res = await incidentRoute.GET(new Request(`http://x/og/incidents/${id}?v=1`), { params: Promise.resolve({ id }) });
    expect(res.headers.get("cache-control")).toBe("public, max-age=60");
    const { getIncident } = await import("@/lib/incidents/get-incident");
    const current = (await getIncident(id))?.updatedAt;
    const fresh = await incidentRoute.GET(new Request(`http://x/og/incidents/${id}?v=${current}`), { params: Promise.resolve({ id }) });
    expect(fresh.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    await fresh.arrayBuffer();
    await res.arrayBuffer();
    await first?.arrayBuffer();
  });

  it("answers 404 for unknown or malformed ids", async () => {
    expect(await incidentCardResponse("TM1", null)).toBeNull();
    const bad = await incidentRoute.GET(new Request("http://x/og/incidents/..%2f"), { params: Promise.resolve({ id: "../etc" }) });
    expect(bad.status).toBe(404);
  });

  it("render the overall status card in the banner colour", async () => {
    await open({ title: "Chat slow", components: { chat: "partial_outage" } });
    const v = await statusCardVersion();
    const res = await statusCardResponse(String(v));
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const img = await png(res);
    expect([img.width, img.height]).toEqual([1200, 630]);
    // chat in partial outage: "Partial System Outage" (orange).
    expect(pixel(img, 600, 160)).toBe("#c2410c");
    expect(fetched).toEqual([]);
    expect((await statusCardResponse(null)).headers.get("cache-control")).toBe("public, max-age=60");
  });

  it("keeps only characters the shipped font draws", () => {
    const { covers } = cardFonts();
    expect(cardText("Teams 🔥 障害 – Ünïcode ✓ \u0000x", covers, 100)).toBe("Teams – Ünïcode ✓ x");
    expect(cardText("word ".repeat(40), covers, 30)).toMatch(/^(word ){4,}word…$/);
  });
});

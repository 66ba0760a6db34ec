import { beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { PNG } from "pngjs";
import { getDb } from "@/db/client";
import { auditLog, pageAssets, settings } from "@/db/schema";
import { GET as getPage, PATCH as patchPage } from "@/app/api/v1/settings/page/route";
import { GET as summary } from "@/app/api/v2/summary.json/route";
import { GET as historyRss } from "@/app/(public)/history.rss/route";
import { GET as logoRoute } from "@/app/logo/[file]/route";
import { GET as themeRoute } from "@/app/theme.css/route";
import { saveLogo } from "@/lib/page/save-logo";
import { removeLogo } from "@/lib/page/remove-logo";
import { call, tokenOf, type ErrorJson } from "@/tests/integration/api-support";
import { seedCatalog } from "@/tests/support/fixtures";

const admin = { kind: "user", userId: 1, email: "admin@herald.test", name: "Ada Admin", role: "admin" } as const;
let adminToken: string, responderToken: string;
const path = "/api/v1/settings/page";
const patch = (body: unknown, token = adminToken) => call(patchPage, { method: "PATCH", path, token, body });
const stored = async () => ({
  row: (await getDb().select().from(settings).where(eq(settings.key, "page")).limit(1))[0] ?? null,
  logo: (await getDb().select({ sha256: pageAssets.sha256 }).from(pageAssets).limit(1))[0] ?? null,
  audit: (await getDb().select({ n: count() }).from(auditLog).limit(1))[0]?.n ?? 0,
});
const png = (w: number, h: number, noise = false) => {
  const p = new PNG({ width: w, height: h });
  for (let i = 0; i < p.data.length; i++) p.data[i] = noise ? Math.floor(Math.random() * 256) : 200;
  return new Uint8Array(PNG.sync.write(p));
};

beforeAll(async () => {
  process.env.HERALD_PAGE_NAME = "Env Status";
  await seedCatalog();
  adminToken = await tokenOf("admin@herald.test");
  responderToken = await tokenOf("responder@herald.test");
});

describe("GET and PATCH /api/v1/settings/page", () => {
  it("starts from the env defaults, admins only", async () => {
    expect((await call(getPage, { path, token: null })).status).toBe(401);
    expect((await call(getPage, { path, token: responderToken })).status).toBe(403);
    expect((await patch({ name: "Nope" }, responderToken)).status).toBe(403);
    const res = await call(getPage, { path, token: adminToken });
    expect(res.json).toEqual({ name: "Env Status", accentColor: "#2563eb", supportUrl: null, timeZone: null, announcement: null, footerLinks: [], uptimeDays: 90 });
    expect((await stored()).row).toBeNull();
  });

  it("saves a change, audits before and after, and names the page in /api/v2 and the feed", async () => {
    const audit = (await stored()).audit;
    const res = await patch({
      name: "Acme Status", accentColor: "#0F766E", supportUrl: "https://help.acme.test/", timeZone: "Europe/Berlin",
      announcement: "**Planned** work on Sunday", footerLinks: [{ label: "Status help", url: "https://acme.test/help" }, { label: "Mail us", url: "mailto:ops@acme.test" }], uptimeDays: 60,
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      name: "Acme Status", accentColor: "#0f766e", supportUrl: "https://help.acme.test/", timeZone: "Europe/Berlin", announcement: "**Planned** work on Sunday",
      footerLinks: [{ label: "Status help", url: "https://acme.test/help" }, { label: "Mail us", url: "mailto:ops@acme.test" }], uptimeDays: 60,
    });
    expect((await call(getPage, { path, token: adminToken })).json).toEqual(res.json);
    const row = (await getDb().select().from(auditLog).where(eq(auditLog.action, "settings.page.updated")).limit(1))[0];
    expect((await stored()).audit).toBe(audit + 1);
    expect(row?.detail).toMatchObject({ before: null, after: { name: "Acme Status", timeZone: "Europe/Berlin" } });

    const api = JSON.parse(await (await summary()).text()) as { page: { name: string; time_zone: string } };
    expect(api.page).toMatchObject({ name: "Acme Status", time_zone: "Europe/Berlin" });
    expect(await (await historyRss()).text()).toMatch(/<channel>\s*<title>[^<]*Acme Status[^<]*<\/title>/);

    // A partial PATCH keeps the rest; null resets one field to its default.
    const again = await patch({ supportUrl: null, name: "Acme" });
    expect(again.json).toMatchObject({ name: "Acme", supportUrl: null, timeZone: "Europe/Berlin", accentColor: "#0f766e" });
    expect((await getDb().select().from(auditLog).where(eq(auditLog.action, "settings.page.updated"))).at(-1)?.detail)
      .toMatchObject({ before: { name: "Acme Status", supportUrl: "https://help.acme.test/" }, after: { name: "Acme", supportUrl: null } });
  });

  it.each([
    [{ accentColor: "#ffff00" }, "accentColor", /#ffff00 has 1\.0\d:1 contrast against the light background.*4\.5:1/],
    [{ accentColor: "#1e3a8a" }, "accentColor", /#1e3a8a has 1\.\d+:1 contrast against the dark background.*3:1/],
    [{ accentColor: "blue" }, "accentColor", /hex colour like #2563eb/],
    [{ footerLinks: [{ label: "x", url: "javascript:alert(1)" }] }, "footerLinks.0.url", /http or https or mailto URL \(no javascript: or data:\)/],
    [{ supportUrl: "data:text/html,hi" }, "supportUrl", /full http or https URL/],
    [{ supportUrl: "mailto:a@b.test" }, "supportUrl", /full http or https URL/],
    [{ timeZone: "Mars/Olympus_Mons" }, "timeZone", /IANA name/],
    [{ timeZone: "CET" }, "timeZone", /IANA name/],
    [{ announcement: "x".repeat(5001) }, "announcement", /at most 5000 characters/],
    [{ name: "  " }, "name", /cannot be empty/],
    [{ uptimeDays: 45 }, "uptimeDays", /30, 60 or 90 days/],
    [{ uptimeDays: "90" }, "uptimeDays", /30, 60 or 90 days/],
    [{ colour: "#000000" }, "_", /Unrecognized key|colour/],
  ])("refuses %j with a clear 422 and stores nothing", async (body, field, message) => {
    const before = await stored();
    const res = await patch(body);
    expect(res.status).toBe(422);
    const json = res.json as ErrorJson;
    expect(json.error).toMatch(message);
    if (field !== "_") expect(json.fields?.[field]).toMatch(message);
    expect(await stored()).toEqual(before);
  });
});

describe("the logo", () => {
  it("stores a PNG, serves it from an immutable versioned URL, and replaces or removes it", async () => {
    const first = await saveLogo(new Blob([png(8, 8)], { type: "image/png" }), admin);
    expect(first.url).toMatch(/^\/logo\/[0-9a-f]{16}\.png$/);
    const file = first.url.split("/").pop() ?? "";
    const res = await logoRoute(new Request(`http://x${first.url}`), { params: Promise.resolve({ file }) });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(png(8, 8)))).toBe(true);

    const second = await saveLogo(png(9, 9), admin);
    expect(second.url).not.toBe(first.url);
    expect((await logoRoute(new Request(`http://x${first.url}`), { params: Promise.resolve({ file }) })).status).toBe(404);
    expect(await removeLogo(admin)).toEqual({ removed: true });
    expect((await stored()).logo).toBeNull();
  });

  it.each([
    ["an SVG renamed .png", new Blob(['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'], { type: "image/png" }), /PNG, JPEG or WebP image \(SVG and other types are refused/],
    ["a GIF", new Blob([Buffer.from("GIF89a\x01\x00\x01\x00\x00\x00\x00;", "latin1")], { type: "image/gif" }), /PNG, JPEG or WebP/],
    ["an oversized PNG", new Blob([png(300, 300, true)], { type: "image/png" }), /The logo is \d+ KB; the limit is 256 KB/],
    ["an empty file", new Blob([]), /Choose a logo file/],
  ])("refuses %s with a clear message and stores nothing", async (_what, blob, message) => {
    await saveLogo(png(4, 4), admin);
    const before = await stored();
    if (_what === "an oversized PNG") expect(blob.size).toBeGreaterThan(256 * 1024);
    await expect(saveLogo(blob, admin)).rejects.toThrow(message);
    expect(await stored()).toEqual(before);
  });
});

describe("/theme.css", () => {
  it("carries the accent colour, immutable only under its own version", async () => {
    await patch({ accentColor: "#c2410c" });
    const current = await themeRoute(new Request("http://x/theme.css?v=c2410c"));
    expect(await current.text()).toBe(":root{--herald-accent:#c2410c}\n");
    expect(current.headers.get("cache-control")).toContain("immutable");
    expect((await themeRoute(new Request("http://x/theme.css?v=2563eb"))).headers.get("cache-control")).not.toContain("immutable");
  });
});

import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { startApp, tokenFor, type AppServer } from "@/tests/support/app-server";
import { appFiles, routeOf } from "@/tests/support/security-kit";
import { signInThroughApi } from "@/tests/e2e/ui-helpers";

/*
 * axe-core on every page found on disk (public and console), in both colour schemes, with the
 * page's extras switched on (announcement, footer links, support URL). A new page without a
 * concrete path below fails the first test, so it cannot skip the check.
 */
let app: AppServer;
const ids = { incident: "", monitor: "", update: "", template: "", maintenance: "", reviewed: "" };
// A well-formed link nobody issued: the page explains that the link does not work.
const NO_LINK = "x".repeat(43);

const CONCRETE: Record<string, () => string> = {
  "/incidents/[id]": () => `/incidents/${ids.incident}`,
  "/console/incidents/[id]": () => `/console/incidents/${ids.incident}`,
  "/console/monitors/[id]": () => `/console/monitors/${ids.monitor}`,
  "/console/incidents/[id]/updates/[updateId]": () => `/console/incidents/${ids.incident}/updates/${ids.update}`,
  "/console/services/[slug]": () => "/console/services/teams",
  "/console/templates/[id]": () => `/console/templates/${ids.template}`,
  "/console/maintenance/[id]": () => `/console/maintenance/${ids.maintenance}`,
  "/invite/[token]": () => `/invite/${NO_LINK}`,
  "/reset/[token]": () => `/reset/${NO_LINK}`,
};
// The same pages again in another state: a resolved incident with its published review (the
// console's review form, the public page's review entry).
const EXTRA_PUBLIC = [() => `/incidents/${ids.reviewed}`];
const EXTRA_CONSOLE = [() => `/console/incidents/${ids.reviewed}`];
const pages = appFiles((n) => /^page\.[jt]sx?$/.test(n)).map(routeOf).sort();
const pathOf = (route: string) => (route.includes("[") ? CONCRETE[route]?.() ?? null : route);

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ request }) => {
  test.setTimeout(120_000);
  app = await startApp({ seed: "catalog", env: { HERALD_BACKGROUND: "off" } });
  const headers = { authorization: `Bearer ${await tokenFor(app, "admin@herald.test")}` };
  const post = async (path: string, data: unknown, method = "POST") => {
    const res = await request.fetch(`${app.url}${path}`, { method, headers, data });
    expect(res.status(), await res.text()).toBeLessThan(300);
    return res.json() as Promise<{ id: string | number }>;
  };
  await post("/api/v1/settings/page", {
    name: "Acme Status", timeZone: "Europe/Berlin", supportUrl: "https://help.acme.test/",
    announcement: "**Planned maintenance** on Sunday. [Details](https://acme.test/maint) and `code`.",
    footerLinks: [{ label: "Privacy", url: "https://acme.test/privacy" }],
  }, "PATCH");
  ids.incident = String((await post("/api/v1/incidents", { service: "teams", title: "Sign-in failures", message: "We are **investigating**.", skipX: true, components: { "sign-in": "major_outage" } })).id);
  // Upcoming within 7 days: the status page shows its "Scheduled maintenance" section.
  ids.maintenance = String((await post("/api/v1/maintenances", { service: "exchange", title: "Mail routing upgrade", message: "We will **upgrade** mail routing.",
    scheduledFor: new Date(Date.now() + 86_400_000).toISOString(), scheduledUntil: new Date(Date.now() + 90_000_000).toISOString(), components: ["mail-flow"] })).id);
  ids.template = String((await post("/api/v1/templates", { kind: "incident", name: "A11y template", body: "Template body." })).id);
  const detail = await (await request.get(`${app.url}/api/v1/incidents/${ids.incident}`, { headers })).json() as { updates: { id: number }[] };
  ids.update = String(detail.updates[0]?.id ?? "");
  ids.reviewed = String((await post("/api/v1/incidents", { service: "teams", title: "Meetings failed", message: "Fixed.", status: "resolved", skipX: true })).id);
  await post(`/api/v1/incidents/${ids.reviewed}/review`, { body: "## Summary\n\nMeetings failed.\n\n## Root cause\n\n- An **expired** certificate", published: true }, "PUT");
  ids.monitor = String((await post("/api/v1/monitors", { name: "Expiring cert", host: "127.0.0.1", port: 9, service: "teams" })).id);
});
test.afterAll(async () => { await app?.stop(); });

test("every page on disk has a concrete path to check", () => {
  expect(pages.filter((p) => pathOf(p) === null), "add these to CONCRETE").toEqual([]);
  expect(pages.length).toBeGreaterThanOrEqual(13);
});

async function violations(page: Page, path: string): Promise<string[]> {
  await page.goto(`${app.url}${path}`);
  await page.waitForLoadState("networkidle");
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  // Proof the contrast rule looked at this page's text (an empty page would pass vacuously).
  const checked = result.passes.some((r) => r.id === "color-contrast" && r.nodes.length > 0) ? [] : [`${path}: color-contrast checked no text`];
  return [...checked, ...result.violations.map((v) => `${path}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => `${n.target.join(" ")} — ${n.failureSummary?.split("\n")[1]?.trim() ?? ""}`).join(" | ")}`)];
}

for (const scheme of ["light", "dark"] as const) {
  test(`no axe violations on any public page, ${scheme} scheme`, async ({ page }) => {
    test.setTimeout(300_000); // axe takes seconds a page on a loaded machine
    await page.emulateMedia({ colorScheme: scheme });
    const found: string[] = [];
    for (const route of pages.filter((p) => !p.startsWith("/console") || p === "/console/signin")) found.push(...(await violations(page, pathOf(route) ?? route)));
    found.push(...(await violations(page, `/incidents/${ids.maintenance}`))); // a maintenance's own page
    for (const path of EXTRA_PUBLIC) found.push(...(await violations(page, path())));
    expect(found).toEqual([]);
  });

  test(`no axe violations on any console page, ${scheme} scheme`, async ({ page }) => {
    test.setTimeout(300_000);
    await page.emulateMedia({ colorScheme: scheme });
    await signInThroughApi(page, app, "admin@herald.test");
    const found: string[] = [];
    for (const route of pages.filter((p) => p.startsWith("/console") && p !== "/console/signin")) found.push(...(await violations(page, pathOf(route) ?? route)));
    for (const path of EXTRA_CONSOLE) found.push(...(await violations(page, path())));
    expect(found).toEqual([]);
  });
}

for (const scheme of ["light", "dark"] as const) {
  test(`an uptime bar's tooltip, shown on keyboard focus with its incident link, has no axe violations, ${scheme} scheme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(app.url);
    const bar = page.locator('[data-uptime="sign-in"] li').last();
    await bar.focus();
    await expect(bar.getByRole("link", { name: ids.incident })).toBeVisible();
    const result = await new AxeBuilder({ page }).include('[data-uptime="sign-in"]').withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
    expect(result.passes.some((r) => r.id === "color-contrast" && r.nodes.length > 0)).toBe(true);
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")}`)).toEqual([]);
  });
}

test("the dark scheme really is dark, and the light one light", async ({ page }) => {
  const bg = async () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(app.url);
  const dark = await bg();
  await page.emulateMedia({ colorScheme: "light" });
  const light = await bg();
  expect(light).toMatch(/rgb\(255, 255, 255\)|oklch\(1 0 0\)/);
  expect(dark).not.toBe(light);
});

import { expect, test } from "@playwright/test";
import { startApp, tokenFor, type AppServer } from "@/tests/support/app-server";
import { payloads } from "@/tests/support/hostile-corpus";
import { signIn, watchPage } from "@/tests/e2e/ui-helpers";

let app: AppServer;
let token: string;
test.beforeAll(async () => {
  app = await startApp({ seed: "catalog" });
  token = await tokenFor(app);
});
test.afterAll(async () => { await app?.stop(); });

test("a responder drafts and publishes a post-incident review; readers, /api/v2 and the Graph feed see it only once published", async ({ page, request }) => {
  test.setTimeout(120_000);
  const watch = watchPage(page);
  const auth = { authorization: `Bearer ${token}` };
  const opened = await request.post(`${app.url}/api/v1/incidents`, { headers: auth, data: { service: "teams", title: "Meetings fail to start", message: "Fixed now.", status: "resolved", skipX: true } });
  expect(opened.status()).toBe(201);
  const id = ((await opened.json()) as { id: string }).id;
  const hostile = payloads("http://127.0.0.1:9").slice(0, 20).join("\n\n");
  const review = `## Root cause\n\nAn **expired certificate** on the meetings gateway.\n\n${hostile}`;

  await signIn(page, app);
  await page.goto(`${app.url}/console/incidents/${id}`);
  await expect(page.getByRole("heading", { name: "Post-incident review" })).toBeVisible();
  await expect(page.locator("[data-review-state]")).toHaveAttribute("data-review-state", "none");
  await expect(page.locator("[data-review-state]")).toContainText("Due");
  const body = page.getByLabel("Review (Markdown)");
  await expect(body).toHaveValue(/## Summary[\s\S]*## Customer impact[\s\S]*## Root cause[\s\S]*## Timeline[\s\S]*## What we are changing/);

  // An empty review is refused with a reason.
  await body.fill("  ");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.locator("#body-error")).toContainText("body is required");

  await page.getByLabel("Review (Markdown)").fill(review);
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Draft saved" })).toBeVisible();
  const reader = await page.context().newPage();
  const readerWatch = watchPage(reader);
  await reader.goto(`${app.url}/incidents/${id}`);
  await expect(reader.getByText("expired certificate")).toHaveCount(0);

  await page.getByRole("button", { name: "Publish review" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Review published" })).toBeVisible();
  await expect(page.locator("[data-review-state]")).toHaveAttribute("data-review-state", "published");

  await expect.poll(async () => { await reader.reload(); return reader.locator("[data-review]").count(); }, { timeout: 15_000 }).toBe(1);
  const entry = reader.getByTestId("timeline").getByRole("listitem").first();
  await expect(entry).toContainText("Post-incident review");
  await expect(entry.locator("strong")).toHaveText("expired certificate");
  const state = await reader.evaluate(() => ({ pwned: (window as unknown as { __pwned?: unknown }).__pwned, title: document.title }));
  expect(state.pwned).toBeUndefined();
  expect(state.title).not.toContain("PWNED");

  await expect.poll(async () => {
    const v2 = (await (await request.get(`${app.url}/api/v2/incidents.json`)).json()) as { incidents: { id: string; status: string; postmortem_body: string | null }[] };
    return v2.incidents.find((i) => i.id === id)?.status;
  }, { timeout: 15_000 }).toBe("postmortem");

  const graph = await request.get(`${app.url}/api/graph/v1.0/admin/serviceAnnouncement/issues/${id}`, { headers: auth });
  expect(graph.status()).toBe(200);
  expect(await graph.json()).toMatchObject({ id, status: "postIncidentReviewPublished", isResolved: true });
  const anonymous = await request.get(`${app.url}/api/graph/v1.0/admin/serviceAnnouncement/issues`);
  expect(anonymous.status()).toBe(401);
  expect(await anonymous.json()).toEqual({ error: { code: "InvalidAuthenticationToken", message: expect.any(String) } });
  expect([...watch.problems, ...readerWatch.problems]).toEqual([]);
});

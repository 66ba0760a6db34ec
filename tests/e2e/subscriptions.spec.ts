import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { startApp, tokenFor, type AppServer } from "@/tests/support/app-server";
import { startSmtpSink, type SmtpSink } from "@/tests/support/smtp-sink";

const confirmedAt = (app: AppServer, email: string) => {
  const db = new Database(app.dbPath, { readonly: true });
  try {
    return (db.prepare("SELECT confirmed_at FROM subscribers WHERE target_key = ?").get(email) as { confirmed_at: number | null } | undefined)?.confirmed_at;
  } finally { db.close(); }
};
const linkIn = (text: string | undefined, path: string) => new RegExp(`http://127\\.0\\.0\\.1:\\d+${path}\\?token=[^\\s"<]+`).exec(text ?? "")?.[0] ?? "";

test.describe("email subscriptions on the built server", () => {
  let sink: SmtpSink, app: AppServer, token: string;
  test.beforeAll(async () => {
    sink = await startSmtpSink();
    app = await startApp({ seed: "catalog", env: { SMTP_URL: sink.url, HERALD_MAIL_FROM: "status@example.com", HERALD_SUBSCRIBE_PER_IP: "5", HERALD_DISPATCH_TICK_MS: "500" } });
    token = await tokenFor(app);
  });
  test.afterAll(async () => { await app?.stop(); await sink?.close(); });

  test("subscribe on the status page, confirm by POST (not by opening the link), get an update, unsubscribe in one click", async ({ page, request }) => {
    await page.goto(`${app.url}/`);
    await page.getByLabel("Email address").fill("reader@example.com");
    await page.getByRole("button", { name: "Subscribe" }).click();
    await expect(page.getByRole("status")).toContainText("confirmation mail is on its way");

    // The same answer for a known and an unknown address.
    const known = await request.post(`${app.url}/subscriptions`, { data: { email: "reader@example.com" } });
    const unknown = await request.post(`${app.url}/subscriptions`, { data: { email: "nobody@example.com", components: ["sign-in"] } });
    expect([known.status(), unknown.status()]).toEqual([202, 202]);
    expect(await known.text()).toBe(await unknown.text());
    expect(known.headers()["cache-control"]).toBe("no-store");

    const [confirmation] = await sink.mailsTo("reader@example.com", 1);
    const link = linkIn(confirmation?.text, "/subscriptions/confirm");
    const opened = await page.goto(link); // what a mail scanner does
    expect(opened?.status()).toBe(200);
    expect(opened?.headers()["x-herald-cache"]).toBeUndefined();
    expect(confirmedAt(app, "reader@example.com")).toBeNull();
    await page.getByRole("button", { name: "Confirm" }).click();
    await expect(page.getByRole("heading", { name: "Subscription confirmed" })).toBeVisible();
    expect(confirmedAt(app, "reader@example.com")).not.toBeNull();

    const res = await request.post(`${app.url}/api/v1/incidents`, { headers: { authorization: `Bearer ${token}` }, data: { service: "teams", title: "Chat is slow", message: "Looking.", components: { chat: "degraded_performance" } } });
    expect(res.status()).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const mails = (await sink.mailsTo("reader@example.com", 2, 15_000)).slice(1);
    expect(mails.map((m) => m.subject)).toEqual([`[${id}] Chat is slow — Investigating`]);
    expect((await sink.mailsTo("nobody@example.com", 2, 100)).length).toBe(1); // unconfirmed: only the confirmation

    const unsubscribeUrl = /<([^>]+)>/.exec(mails[0]!.headerLines.find((h) => h.key === "list-unsubscribe")?.line ?? "")?.[1] ?? "";
    const wrongBody = await request.post(unsubscribeUrl, { form: { "List-Unsubscribe": "Maybe" } });
    expect(wrongBody.status()).toBe(422);
    const one = await request.post(unsubscribeUrl, { form: { "List-Unsubscribe": "One-Click" } });
    expect(one.status()).toBe(200);
    await page.goto(unsubscribeUrl); // the GET page shows the same button, and unsubscribes nothing by itself
    await expect(page.getByRole("button", { name: "Unsubscribe" })).toBeVisible();

    const bad = await request.post(`${app.url}/subscriptions/confirm`, { form: { token: "1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" } });
    expect(bad.status()).toBe(422);
    expect(await bad.text()).toContain("This link is not valid");
  });

  test("signups are bounded: bad input is a 422 with a reason, oversize bodies a 413, and each client address is limited", async ({ request }) => {
    // Three signups came from this address in the test above; the limit is five per ten minutes.
    const invalid = await request.post(`${app.url}/subscriptions`, { data: { email: "not an address" } });
    expect(invalid.status()).toBe(422);
    expect(await invalid.json()).toMatchObject({ error: expect.stringContaining("Enter an email address") });
    const huge = await request.post(`${app.url}/subscriptions`, { data: { email: "big@example.com", components: Array(5000).fill("sign-in") } });
    expect(huge.status()).toBe(413);
    const limited = await request.post(`${app.url}/subscriptions`, { data: { email: "later@example.com" } });
    expect(limited.status()).toBe(429);
    expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({ error: expect.stringContaining("Too many requests") });
  });
});

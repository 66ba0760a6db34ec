import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { decode } from "next-auth/jwt";
import { startApp, type AppServer } from "@/tests/support/app-server";
import {
  actionIds, callAction, cookieHeader, dbFingerprint, httpSignIn, PASSWORD, SECRET, withDb,
} from "@/tests/support/security-kit";

/*
 * Sign-in hardening on the built server: rate limits per account and per IP with the message
 * the form shows, no password in logs, responses, cookies or the database, cookie attributes,
 * and the CSRF defences (server actions' Origin check, next-auth's CSRF token, bearer-only API).
 */

const WRONG = "Wrong-Canary-Password-7f3a";
const TOO_MANY = /^Too many sign-in attempts; try again in \d+ seconds?$/;

test.describe("on plain http behind a trusted proxy", () => {
  let app: AppServer;
  const seen: string[] = []; // every response body and header the tests receive
  test.beforeAll(async () => {
    app = await startApp({ seed: "catalog", env: { HERALD_TRUST_PROXY: "1", HERALD_BACKGROUND: "off" } });
  });
  test.afterAll(async () => { await app?.stop(); });
  const from = (ip: string) => ({ "x-forwarded-for": ip });
  const attempt = async (email: string, password: string, ip: string) => {
    const r = await httpSignIn(app, email, password, { headers: from(ip) });
    seen.push(r.body, ...r.setCookies);
    return r;
  };

  test("five failures lock an account from every address; the sixth try is told how long to wait", async () => {
    for (let i = 1; i <= 5; i++) expect((await attempt("responder@herald.test", WRONG, `10.0.0.${i}`)).error).toBe("CredentialsSignin");
    const locked = await attempt("responder@herald.test", PASSWORD, "10.0.0.6"); // even the right password
    expect(locked.session).toBeNull();
    expect(locked.status).toBe(401);
    expect(locked.error).toMatch(TOO_MANY);
    expect((await attempt("admin@herald.test", PASSWORD, "10.0.0.6")).session).not.toBeNull(); // other accounts are fine
  });

  test("five failures from one address lock that address for every account, not other addresses", async () => {
    for (let i = 1; i <= 5; i++) await attempt(`nobody${i}@herald.test`, WRONG, "10.9.9.9");
    expect((await attempt("admin@herald.test", PASSWORD, "10.9.9.9")).error).toMatch(TOO_MANY);
    expect((await attempt("admin@herald.test", PASSWORD, "10.9.9.10")).session).not.toBeNull();
    const audit = withDb(app, (db) => db.prepare("SELECT action, target, ip FROM audit_log WHERE action LIKE 'signin%' ORDER BY id").all() as Array<{ action: string; target: string; ip: string }>);
    expect(audit.filter((a) => a.action === "signin.failed" && a.ip === "10.9.9.9")).toHaveLength(5);
    expect(audit.some((a) => a.action === "signin.throttled" && a.ip === "10.9.9.9" && a.target === "admin@herald.test")).toBe(true);
    expect(audit.some((a) => a.action === "signin.throttled" && a.target === "responder@herald.test")).toBe(true);
  });

  test("the sign-in form shows the limit's message", async ({ page }) => {
    await page.setExtraHTTPHeaders(from("10.5.5.5"));
    page.on("response", async (r) => { seen.push(JSON.stringify(r.headers())); if (r.request().method() === "POST") seen.push(await r.text().catch(() => "")); });
    await page.goto(`${app.url}/console/signin`);
    const alert = page.locator("#main").getByRole("alert");
    const tryOnce = async () => {
      const answered = page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials"));
      await page.getByRole("button", { name: "Sign in" }).click();
      await answered;
    };
    await page.getByLabel("Email").fill("browser@herald.test");
    await page.getByLabel("Password").fill(WRONG);
    for (let i = 0; i < 5; i++) {
      await tryOnce();
      await expect(alert).toHaveText("Wrong email or password");
    }
    await tryOnce();
    await expect(alert).toHaveText(TOO_MANY);
    await expect(page).toHaveURL(`${app.url}/console/signin`);
  });

  test("a signed-in session cookie is HttpOnly and SameSite=Lax, not Secure over http, and holds no password", async () => {
    const r = await attempt("admin@herald.test", PASSWORD, "10.1.2.3");
    const session = r.setCookies.find((c) => c.startsWith("next-auth.session-token="));
    expect(session).toBeTruthy();
    expect(session).toMatch(/; HttpOnly/i);
    expect(session).toMatch(/; SameSite=Lax/i);
    expect(session).toMatch(/; Path=\//i);
    expect(session).not.toMatch(/; Secure/i);
    const claims = await decode({ token: r.session?.split("=").slice(1).join("=") ?? "", secret: SECRET });
    expect(claims?.email).toBe("admin@herald.test");
    expect(JSON.stringify(claims)).not.toContain(PASSWORD);
    const csrf = await fetch(`${app.url}/api/auth/csrf`);
    const csrfCookie = csrf.headers.getSetCookie().find((c) => c.startsWith("next-auth.csrf-token="));
    expect(csrfCookie).toMatch(/; HttpOnly/i);
    expect(csrfCookie).toMatch(/; SameSite=Lax/i);
  });

  test("next-auth refuses a credentials sign-in without its CSRF token", async () => {
    const before = withDb(app, (db) => db.prepare("SELECT count(*) FROM audit_log WHERE action = 'signin'").pluck().get());
    const r = await httpSignIn(app, "admin@herald.test", PASSWORD, { csrf: false, headers: from("10.3.3.3") });
    seen.push(r.body);
    expect(r.session).toBeNull();
    expect(JSON.parse(r.body)).toEqual({ url: `${app.url}/api/auth/signin?csrf=true` });
    expect(withDb(app, (db) => db.prepare("SELECT count(*) FROM audit_log WHERE action = 'signin'").pluck().get())).toBe(before);
  });

  test("a server action from a foreign origin is refused and changes nothing, with a valid session", async () => {
    const { session } = await attempt("admin@herald.test", PASSWORD, "10.4.4.4");
    const id = actionIds().get("app/console/tokens/actions.ts#createTokenAction")?.id ?? "";
    const form = new FormData();
    form.set("name", "made cross-site");
    for (const origin of ["http://evil.example", "null", app.url.replace("127.0.0.1", "localhost")]) {
      const before = dbFingerprint(app);
      const res = await callAction(app, id, "/console/tokens", [{}, form], { cookie: session ?? "", origin });
      seen.push(res.text);
      expect(res.status, origin).toBe(500);
      expect(res.text).not.toContain("hrld_");
      expect(dbFingerprint(app), origin).toBe(before);
    }
    // The same call from the app's own origin works, so the refusals above are the origin check.
    const ok = await callAction(app, id, "/console/tokens", [{}, form], { cookie: session ?? "" });
    expect(ok.status).toBe(200);
    expect(ok.text).toContain("hrld_");
  });

  test("a real cross-site form post to a server action is refused by the browser's Origin check", async ({ page }) => {
    const noticeId = withDb(app, (db) => Number(db.prepare("INSERT INTO notices (kind, dedup_key, level, message, created_at) VALUES ('test', 'csrf', 'warning', 'CSRF target', ?)").run(Date.now()).lastInsertRowid));
    const actionId = actionIds().get("app/console/notice-actions.ts#dismissNoticeAction")?.id ?? "";
    // Another site (same host, other port: same-site, so the Lax session cookie does go along).
    const evil = http.createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end(`<form method="POST" enctype="multipart/form-data" action="${app.url}/console">
        <input name="$ACTION_ID_${actionId}" value=""><input name="id" value="${noticeId}"></form>
        <script>document.forms[0].submit()</script>`);
    });
    await new Promise<void>((r) => evil.listen(0, "127.0.0.1", r));
    try {
      await page.setExtraHTTPHeaders(from("10.6.6.6"));
      await page.goto(`${app.url}/console/signin`);
      await page.getByLabel("Email").fill("admin@herald.test");
      await page.getByLabel("Password").fill(PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page).toHaveURL(`${app.url}/console`);
      await expect(page.getByText("CSRF target", { exact: true })).toBeVisible();
      const posted = page.waitForResponse((r) => r.url() === `${app.url}/console` && r.request().method() === "POST");
      await page.goto(`http://127.0.0.1:${(evil.address() as AddressInfo).port}/`);
      const res = await posted;
      expect((await res.request().allHeaders()).cookie).toContain("next-auth.session-token");
      expect(res.status()).toBe(500);
      expect(withDb(app, (db) => db.prepare("SELECT dismissed_at FROM notices WHERE id = ?").pluck().get(noticeId))).toBeNull();
      // Control: the console's own Dismiss button (same origin) does dismiss it.
      await page.goto(`${app.url}/console`);
      await page.locator("form").filter({ has: page.locator(`input[name="id"][value="${noticeId}"]`) }).getByRole("button").click();
      await expect.poll(() => withDb(app, (db) => db.prepare("SELECT dismissed_at FROM notices WHERE id = ?").pluck().get(noticeId))).not.toBeNull();
    } finally {
      evil.close();
    }
  });

  test("the REST API ignores session cookies: a signed-in browser's cookie cannot post", async () => {
    const { session } = await attempt("admin@herald.test", PASSWORD, "10.7.7.7");
    const before = dbFingerprint(app);
    const res = await fetch(`${app.url}/api/v1/incidents`, {
      method: "POST", headers: { cookie: session ?? "", "content-type": "application/json", origin: app.url },
      body: JSON.stringify({ service: "teams", title: "Posted with a cookie", message: "Should not exist." }),
    });
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toBe('Bearer realm="herald"');
    expect(dbFingerprint(app)).toBe(before);
  });

  test("no password appears in the server's logs, any response, or the database file", async () => {
    await app.stop(); // flush everything the server would write
    const files = [app.dbPath, `${app.dbPath}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f));
    const log = app.output();
    const haystacks = [log, seen.join("\n")];
    expect(log).toContain("Herald listening"); // the whole log was captured, from the start
    console.log(`password grep: ${log.split("\n").length} log lines (${log.length} bytes), ${seen.length} responses, ${files.map((f) => f.length).join("+")} database bytes`);
    for (const password of [PASSWORD, WRONG]) {
      for (const h of haystacks) expect(h.includes(password), `${password} in a log or response`).toBe(false);
      for (const f of files) expect(f.includes(Buffer.from(password)), `${password} in the database`).toBe(false);
    }
  });
});

test("over https the session and CSRF cookies are Secure (and host-bound), and every response sends HSTS", async () => {
  const app = await startApp({ seed: "catalog", env: { NEXTAUTH_URL: "https://status.herald.test", HERALD_BACKGROUND: "off" } });
  try {
    const csrf = await fetch(`${app.url}/api/auth/csrf`);
    const csrfCookie = csrf.headers.getSetCookie().find((c) => c.startsWith("__Host-next-auth.csrf-token="));
    expect(csrfCookie).toMatch(/; Secure/i);
    expect(csrfCookie).toMatch(/; HttpOnly/i);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const res = await fetch(`${app.url}/api/auth/callback/credentials`, {
      method: "POST", redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(csrf.headers.getSetCookie()) },
      body: new URLSearchParams({ csrfToken, email: "admin@herald.test", password: PASSWORD, json: "true" }),
    });
    const session = res.headers.getSetCookie().find((c) => c.startsWith("__Secure-next-auth.session-token="));
    expect(session).toMatch(/; Secure/i);
    expect(session).toMatch(/; HttpOnly/i);
    expect(session).toMatch(/; SameSite=Lax/i);
    for (const path of ["/", "/", "/console/signin", "/api/v2/status.json", "/history.rss", "/api/health"]) {
      const r = await fetch(app.url + path, { redirect: "manual" });
      expect(r.headers.get("strict-transport-security"), path).toMatch(/^max-age=31536000/);
      if (!path.startsWith("/api") && !path.endsWith(".rss")) expect(r.headers.get("content-security-policy"), path).toContain("upgrade-insecure-requests");
    }
  } finally {
    await app.stop();
  }
});

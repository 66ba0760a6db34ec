import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import Database from "better-sqlite3";
import { XMLValidator } from "fast-xml-parser";
import { PNG } from "pngjs";
import Parser from "rss-parser";
import { newToken } from "@/lib/auth/tokens";
import { xmlSafe } from "@/lib/feeds/xml";
import { weightedLength } from "@/lib/x/weighted-length";
import { freePort, runScript, startApp, type AppServer } from "@/tests/support/app-server";
import { startFakeX, type FakeX } from "@/tests/support/fake-x-server";
import { asParsed, BLNS, pack, payloads } from "@/tests/support/hostile-corpus";
import { actionIds, callAction, formData, httpSignIn, PASSWORD, withDb } from "@/tests/support/security-kit";

/*
 * Every text field a responder can write, filled from the Big List of Naughty Strings plus
 * payloads aimed at this stack, through the real server; then read back everywhere it shows:
 * pages in Chromium (no dialog, no script, no request to the attacker's canary, no CSP
 * violation), feeds as strict XML, JSON byte-exact, OG cards as PNGs and the X posts.
 */

const N = 40; // incidents, three updates each
const SERVICES = ["teams", "exchange", "sharepoint"];
type Plan = { id: string; title: string; userImpact: string; scope: string; messages: string[]; posts: Array<string | undefined> };

let app: AppServer, fake: FakeX, canary: http.Server;
const canaryHits: string[] = [];
let corpus: string[] = [];
const plans: Plan[] = [];
const used: Record<string, Set<string>> = {};
let monitorNames: string[] = [], tokenNames: string[] = [], userNames: string[] = [];
const note = (field: string, strings: Iterable<string>) => { for (const s of strings) (used[field] ??= new Set()).add(s); };

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  canary = http.createServer((req, res) => { canaryHits.push(`${req.method} ${req.url}`); res.end(); });
  await new Promise<void>((r) => canary.listen(0, "127.0.0.1", r));
  const canaryUrl = `http://127.0.0.1:${(canary.address() as AddressInfo).port}`;
  corpus = [...new Set([...payloads(canaryUrl), ...BLNS])];
  fake = await startFakeX();
  app = await startApp({ seed: "catalog", env: { X_API_KEY: "k", X_API_SECRET: "s", X_ACCESS_TOKEN: "t", X_ACCESS_SECRET: "ts", X_API_BASE_URL: fake.url } });

  // Responders whose display names are hostile (they show as update authors), created by the CLI.
  userNames = [payloads(canaryUrl)[0] ?? "", "‮<img src=x onerror=alert(1)> ﷽", BLNS.find((s) => s.startsWith("Z̮")) ?? "Z̮̞̠͙͔ͅḀ̗̞͈̻̗Ḷ͙͎̯̹̞͓G̻O̭̗̮"];
  const tokens: string[] = [];
  for (const [k, name] of userNames.entries()) {
    await runScript("user-create.ts", [`--email=hostile${k}@herald.test`, `--password=${PASSWORD}`, `--name=${name}`], { DATABASE_URL: app.dbPath });
    const t = newToken();
    withDb(app, (db) => db.prepare("INSERT INTO api_tokens (user_id, name, token_hash, prefix) SELECT id, 'hostile', ?, ? FROM users WHERE email = ?").run(t.hash, t.prefix, `hostile${k}@herald.test`));
    tokens.push(t.token);
  }

  // Short strings first so titles (200 chars) hold as many as they can; payloads lead.
  const byLength = [...corpus].sort((a, b) => a.length - b.length);
  const titles = pack([...payloads(canaryUrl), ...byLength], N, 195, " ");
  const impacts = pack(corpus, N, 2000, "\n"), scopes = pack([...corpus].reverse(), N, 2000, "\n");
  const bodies = pack(corpus, 3 * N, 19_900, "\n\n");
  const posts = pack(byLength, 3 * N, 270, " ");
  const from = (p: { placed: Set<number> }, list: string[]) => [...p.placed].map((i) => list[i] ?? "");
  note("incident title", from(titles, [...payloads(canaryUrl), ...byLength]));
  note("user impact", from(impacts, corpus)); note("scope", from(scopes, [...corpus].reverse()));
  note("update body", from(bodies, corpus)); note("custom post text", from(posts, byLength));

  const api = async (token: string, path: string, body: unknown, expected = 201) => {
    const res = await fetch(`${app.url}/api/v1${path}`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) });
    const text = await res.text();
    expect(res.status, `${path}: ${text.slice(0, 300)}`).toBe(expected);
    return JSON.parse(text) as { id: string };
  };
  for (let i = 0; i < N; i++) {
    const token = tokens[i % tokens.length] ?? "";
    const p: Plan = {
      id: "", title: `H${i} ${titles.fields[i]}`, userImpact: impacts.fields[i] ?? "", scope: scopes.fields[i] ?? "",
      messages: [0, 1, 2].map((u) => `Update ${u} of H${i}\n\n${bodies.fields[3 * i + u]}`),
      // Half the first posts are built from the title and body, the rest from custom text.
      posts: [0, 1, 2].map((u) => (u === 0 && i % 2 === 0 ? undefined : `P${i}-${u} ${posts.fields[3 * i + u]}`)),
    };
    p.id = (await api(token, "/incidents", {
      service: SERVICES[i % 3], title: p.title, message: p.messages[0], userImpact: p.userImpact, scope: p.scope, customPost: p.posts[0],
    })).id;
    await api(token, `/incidents/${p.id}/updates`, { status: "identified", message: p.messages[1], customPost: p.posts[1] });
    await api(token, `/incidents/${p.id}/updates`, { status: i % 2 ? "monitoring" : "resolved", message: p.messages[2], customPost: p.posts[2] });
    plans.push(p);
  }

  // Monitor names (console only) and API token names (console only), at their own limits.
  const closed = await freePort();
  const mons = pack(byLength, 8, 200, " ");
  monitorNames = mons.fields.map((f, k) => `M${k} ${f}`.slice(0, 200));
  note("monitor name", from(mons, byLength));
  for (const name of monitorNames) await api(tokens[0] ?? "", "/monitors", { name, host: "127.0.0.1", port: closed, service: "sharepoint" });
  const names = pack(byLength, 40, 96, " ");
  tokenNames = names.fields.map((f, k) => `T${k} ${f}`);
  note("token name", from(names, byLength));
  note("user name", userNames);
  const { session } = await httpSignIn(app, "hostile0@herald.test", PASSWORD);
  const create = actionIds().get("app/console/tokens/actions.ts#createTokenAction")?.id ?? "";
  for (const name of tokenNames) {
    const r = await callAction(app, create, "/console/tokens", [{}, formData({ name })], { cookie: session ?? "" });
    expect(r.text, name).toContain("hrld_");
  }
});
test.afterAll(async () => { await app?.stop(); await fake?.close(); canary?.close(); });

const stored = (s: string) => s.trim(); // the API's only normalization of text fields

test("JSON: /api/v1 and the Statuspage API give back every string exactly", async () => {
  const v2 = (await (await fetch(`${app.url}/api/v2/incidents.json`)).json()) as { incidents: Array<{ id: string; name: string; incident_updates: Array<{ body: string }> }> };
  for (const p of plans) {
    const res = await fetch(`${app.url}/api/v1/incidents/${p.id}`, { headers: { authorization: `Bearer ${await anyToken()}` } });
    const j = (await res.json()) as { title: string; userImpact: string; scope: string; updates: Array<{ message: string; author: string }> };
    expect(j.title).toBe(stored(p.title));
    expect(j.userImpact).toBe(stored(p.userImpact));
    expect(j.scope).toBe(stored(p.scope));
    expect(j.updates.map((u) => u.message).reverse()).toEqual(p.messages.map(stored));
    expect(userNames.map(stored)).toContain(j.updates[0]?.author);
    const s = v2.incidents.find((x) => x.id === p.id);
    expect(s?.name).toBe(stored(p.title));
    expect(s?.incident_updates.map((u) => u.body).reverse()).toEqual(p.messages.map(stored));
  }
  for (const path of ["/api/v2/summary.json", "/api/v2/incidents/unresolved.json", "/api/v2/status.json", "/api/v2/components.json"]) {
    const res = await fetch(app.url + path);
    expect(res.status, path).toBe(200);
    expect(typeof JSON.parse(await res.text()), path).toBe("object"); // throws if not JSON
  }
});

async function anyToken(): Promise<string> {
  const t = newToken();
  withDb(app, (db) => db.prepare("INSERT INTO api_tokens (user_id, name, token_hash, prefix) SELECT id, 'reader', ?, ? FROM users WHERE email = 'admin@herald.test'").run(t.hash, t.prefix));
  return t.token;
}

test("feeds: every history and incident feed is well-formed XML with the titles intact", async () => {
  const parser = new Parser();
  const feeds = ["/history.rss", "/history.atom", ...plans.flatMap((p) => [`/incidents/${p.id}/feed.rss`, `/incidents/${p.id}/feed.atom`])];
  for (const path of feeds) {
    const xml = await (await fetch(app.url + path)).text();
    expect(XMLValidator.validate(xml), path).toBe(true);
    const feed = await parser.parseString(xml);
    expect(feed.items.length, path).toBeGreaterThan(0);
  }
  const history = await parser.parseString(await (await fetch(`${app.url}/history.rss`)).text());
  for (const p of plans) {
    const item = history.items.find((it) => it.title?.startsWith(`${p.id}: `));
    expect(item?.title, p.id).toBe(asParsed(xmlSafe(`${p.id}: ${stored(p.title)}`)));
  }
  console.log(`hostile: ${feeds.length} feeds parsed`);
});

test("OG cards: every incident card and the status card render as 1200×630 PNGs", async () => {
  for (const path of ["/og/status", ...plans.map((p) => `/og/incidents/${p.id}`)]) {
    const res = await fetch(app.url + path);
    expect(res.status, path).toBe(200);
    expect(res.headers.get("content-type"), path).toBe("image/png");
    const png = PNG.sync.read(Buffer.from(await res.arrayBuffer()));
    expect([png.width, png.height], path).toEqual([1200, 630]);
  }
});

test("X: every update is posted once, within 280, led by the incident ID and free of control characters", async () => {
  test.setTimeout(120_000);
  const states = () => {
    const db = new Database(app.dbPath, { readonly: true });
    try { return db.prepare("SELECT state, count(*) AS n FROM deliveries WHERE channel = 'x' GROUP BY state").all() as Array<{ state: string; n: number }>; } finally { db.close(); }
  };
  await expect.poll(() => states().filter((s) => s.state !== "sent").reduce((a, s) => a + s.n, 0), { timeout: 100_000, intervals: [1000] }).toBe(0);
  for (const p of plans) {
    const thread = fake.tweets.filter((t) => t.text.startsWith(`${p.id} `) || t.text.startsWith(`${p.id}\n`));
    expect(thread, p.id).toHaveLength(3);
    for (const [u, t] of thread.entries()) {
      expect(weightedLength(t.text), p.id).toBeLessThanOrEqual(280);
      expect(t.text).toMatch(new RegExp(`/incidents/${p.id}$`));
      expect(t.text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/);
      if (p.posts[u]) expect(t.text, `${p.id} post ${u}`).toContain(`P${plans.indexOf(p)}-${u}`);
    }
  }
});

/**
 * Anything live in the page: event-handler attributes, script-capable URLs, and elements that
 * run or load things inside <main> (or anywhere, when they carry a payload's marks).
 */
async function scan(page: Page, canaryPort: string): Promise<string[]> {
  return page.evaluate((canaryPort) => {
    const found: string[] = [];
    const LIVE = new Set(["SCRIPT", "IFRAME", "OBJECT", "EMBED", "BASE", "META", "LINK", "STYLE", "FRAME", "APPLET", "IMG", "SVG", "VIDEO", "AUDIO", "SOURCE", "MATH"]);
    // React's own placeholders on forms driven by JS (never followed: React intercepts submit).
    const reactForm = /^javascript:throw new Error\('(A React form was unexpectedly submitted|React has blocked a javascript: URL)/;
    for (const el of Array.from(document.querySelectorAll("*"))) {
      const tag = el.tagName.toUpperCase();
      const loads = ["src", "href", "data", "action"].map((n) => el.getAttribute(n) ?? "").join(" ");
      const smuggled = (tag === "META" && el.hasAttribute("http-equiv")) || tag === "BASE" ||
        (LIVE.has(tag) && (loads.includes(`:${canaryPort}`) || (tag === "SCRIPT" && !el.hasAttribute("nonce") && /__pwned|PWNED/.test(el.textContent ?? ""))));
      if (smuggled || (LIVE.has(tag) && el.closest("main"))) found.push(`<${tag.toLowerCase()}> ${el.outerHTML.slice(0, 60)}`);
      for (const a of Array.from(el.attributes)) {
        if (/^on/i.test(a.name)) found.push(`${tag}[${a.name}]`);
        if (/^(href|src|action|formaction|xlink:href|data|srcdoc)$/i.test(a.name) && /^\s*(javascript|data|vbscript):/i.test(a.value) && !reactForm.test(a.value)) {
          found.push(`${tag}[${a.name}=${a.value.slice(0, 40)}]`);
        }
      }
    }
    return found;
  }, canaryPort);
}

test("pages: status, history, incident and console pages stay inert in Chromium", async ({ page }) => {
  test.setTimeout(240_000);
  const problems: string[] = [];
  page.on("dialog", (d) => { problems.push(`dialog: ${d.message()}`); void d.dismiss(); });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  await page.exposeFunction("__reportCsp", (v: string) => { problems.push(`csp: ${v}`); });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => (window as unknown as { __reportCsp: (v: string) => void }).__reportCsp(`${e.violatedDirective} ${e.blockedURI}`));
  });
  let largestCsp = 0;
  const visit = async (path: string, expectTitle?: string) => {
    const res = await page.goto(app.url + path);
    largestCsp = Math.max(largestCsp, res?.headers()["content-security-policy"]?.length ?? 0);
    await page.waitForLoadState("networkidle");
    const state = await page.evaluate(() => ({ pwned: (window as unknown as { __pwned?: unknown }).__pwned, title: document.title }));
    if (state.pwned !== undefined || state.title === "PWNED") problems.push(`${path}: script ran (${state.title})`);
    for (const f of await scan(page, port)) problems.push(`${path}: ${f}`);
    if (expectTitle !== undefined) {
      const h1 = await page.locator("h1").first().textContent();
      if (h1 !== asParsed(expectTitle)) problems.push(`${path}: h1 is ${JSON.stringify(h1?.slice(0, 80))}`);
    }
  };
  // The detectors themselves work: a page that IS injected trips every one of them.
  const port = String((canary.address() as AddressInfo).port);
  await page.setContent(`<main><img src="x" onerror="window.__pwned=1"><a href="javascript:alert(1)">x</a><script src="http://127.0.0.1:${port}/probe.js"></script></main>`);
  await page.evaluate(() => alert("probe"));
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBe(1);
  expect((await scan(page, port)).length).toBeGreaterThanOrEqual(4);
  await expect.poll(() => canaryHits.length).toBe(1);
  expect(problems).toEqual(["dialog: probe"]);
  problems.length = 0;
  canaryHits.length = 0;

  await visit("/");
  await visit("/history");
  const older = await page.getByRole("link", { name: /older/i }).getAttribute("href").catch(() => null);
  if (older) await visit(older);
  for (const p of plans) {
    await visit(`/incidents/${p.id}`, stored(p.title));
    const title = await page.title();
    if (title !== asParsed(`${p.id}: ${stored(p.title)} · Herald status`).replace(/[\t\n\f\r ]+/g, " ").replace(/^ | $/g, "")) problems.push(`/incidents/${p.id}: document title is ${JSON.stringify(title.slice(0, 80))}`);
    const main = asParsed((await page.locator("main").textContent()) ?? "");
    for (const [field, text] of [["user impact", p.userImpact], ["scope", p.scope]] as const) {
      if (stored(text) && !main.includes(asParsed(stored(text)))) problems.push(`/incidents/${p.id}: ${field} not shown as text`);
    }
  }
  // The console shows the same strings to responders, plus monitor and token names.
  await page.goto(`${app.url}/console/signin`);
  await page.getByLabel("Email").fill("hostile0@herald.test");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${app.url}/console`);
  for (const path of ["/console", "/console/monitors", "/console/tokens", ...plans.slice(0, 6).map((p) => `/console/incidents/${p.id}`)]) await visit(path);
  await visit("/console/tokens");
  const tokensText = asParsed((await page.locator("main").textContent()) ?? "");
  for (const name of tokenNames) if (!tokensText.includes(asParsed(stored(name)))) problems.push(`token name not shown: ${name.slice(0, 40)}`);
  await visit("/console/monitors");
  const monitorsText = asParsed((await page.locator("main").textContent()) ?? "");
  for (const name of monitorNames) if (!monitorsText.includes(asParsed(stored(name)))) problems.push(`monitor name not shown: ${name.slice(0, 40)}`);
  expect(problems).toEqual([]);
  expect(canaryHits, "requests reached the attacker's canary").toEqual([]);
  console.log(`largest page CSP header: ${largestCsp} bytes`);
  const fields = Object.entries(used).map(([f, s]) => `${f}: ${s.size}`).join(", ");
  console.log(`hostile strings: ${corpus.length} distinct (${new Set(BLNS).size} from blns, ${corpus.length - new Set(BLNS).size} payloads); placed per field: ${fields}`);
});

import { expect, test } from "@playwright/test";
import { hashPassword } from "@/lib/auth/password";
import { newToken } from "@/lib/auth/tokens";
import { freePort, startApp, type AppServer } from "@/tests/support/app-server";
import {
  actionIds, appFiles, callAction, dbFingerprint, formData, httpSignIn, mintSession, PASSWORD, routeMethods, routeOf, serverActions, withDb,
} from "@/tests/support/security-kit";

/*
 * The authorization matrix: every console page, every server action and every /api/v1 route
 * (found on disk, so a new one without an entry fails here) × eight callers, over HTTP against
 * the built server. Server actions are called the way a browser calls them (Next-Action header
 * and React's reply encoding), so the check under test is the one that runs in production.
 * A refused call must also leave every table byte-for-byte unchanged.
 */

const IDENTITIES = ["anonymous", "responder", "admin", "revokedToken", "expiredToken", "expiredSession", "disabledUser", "wrongCredential"] as const;
type Identity = (typeof IDENTITIES)[number];
const SENTINEL = { incident: "Matrix sentinel incident", monitor: "Matrix sentinel monitor", token: "matrix-sentinel-token", notice: "Matrix sentinel notice", delivery: "Matrix sentinel delivery" };

type Ctx = {
  app: AppServer; incidentId: string; monitorId: number; closedPort: number; updateIds: number[]; spareMonitorIds: number[];
  users: Record<"admin" | "responder" | "gone", { id: number; email: string; name: string }>;
  tokens: Record<"responder" | "admin" | "revoked" | "expired" | "gone", string>;
  sessions: Record<"responder" | "admin" | "expired" | "gone", string>;
};
let ctx = {} as Ctx; // filled in beforeAll

/** What each caller sends: the console reads only the session cookie, the API only a bearer token. */
function credentials(who: Identity, surface: "console" | "api"): Record<string, string> {
  const bearer = (t: string) => ({ authorization: `Bearer ${t}` });
  const cookie = (c: string) => ({ cookie: c });
  const s = ctx.sessions, t = ctx.tokens;
  switch (who) {
    case "anonymous": return {};
    case "responder": return surface === "console" ? cookie(s.responder) : bearer(t.responder);
    case "admin": return surface === "console" ? cookie(s.admin) : bearer(t.admin);
    case "revokedToken": return bearer(t.revoked);
    case "expiredToken": return bearer(t.expired);
    case "expiredSession": return cookie(s.expired);
    case "disabledUser": return surface === "console" ? cookie(s.gone) : bearer(t.gone);
    // An admin's valid credential of the kind this surface must ignore.
    case "wrongCredential": return surface === "console" ? bearer(t.admin) : cookie(s.admin);
  }
}
const allowed = (who: Identity, role?: "admin") => who === "admin" || (who === "responder" && role !== "admin");
const leaks = (body: string) => Object.values(SENTINEL).filter((s) => body.includes(s));

// ---- console pages -------------------------------------------------------------------------
type PageEntry = { path: () => string; role?: "admin"; sees: string };
const PAGES: Record<string, PageEntry> = {
  "/console": { path: () => "/console", sees: SENTINEL.incident },
  "/console/audit": { path: () => "/console/audit", role: "admin", sees: "incident.opened" },
  "/console/deliveries": { path: () => "/console/deliveries", sees: SENTINEL.delivery },
  "/console/incidents/[id]": { path: () => `/console/incidents/${ctx.incidentId}`, sees: SENTINEL.incident },
  "/console/incidents/new": { path: () => "/console/incidents/new", sees: "Opening an incident publishes" },
  "/console/monitors": { path: () => "/console/monitors", sees: SENTINEL.monitor },
  "/console/monitors/[id]": { path: () => `/console/monitors/${ctx.monitorId}`, sees: SENTINEL.monitor },
  "/console/monitors/new": { path: () => "/console/monitors/new", sees: "Add a certificate monitor" },
  "/console/settings": { path: () => "/console/settings", role: "admin", sees: "Certificate monitor targets" },
  "/console/tokens": { path: () => "/console/tokens", sees: SENTINEL.token },
};
// Pages anyone may read. The sign-in page sends a signed-in user on to the console.
const PUBLIC_PAGES = ["/", "/history", "/incidents/[id]", "/console/signin", "/subscriptions/confirm", "/subscriptions/manage", "/subscriptions/unsubscribe"];

// ---- /api/v1 -------------------------------------------------------------------------------
type ApiEntry = { role?: "admin"; path: () => string; ok: number; body?: () => unknown; sees?: string };
const API: Record<string, ApiEntry> = {
  "GET /api/v1/audit": { role: "admin", path: () => "/api/v1/audit", ok: 200, sees: "incident.opened" },
  "GET /api/v1/incidents": { path: () => "/api/v1/incidents", ok: 200, sees: SENTINEL.incident },
  "POST /api/v1/incidents": { path: () => "/api/v1/incidents", ok: 201, body: () => ({ service: "teams", title: "Opened by the matrix", message: "Matrix." }) },
  "GET /api/v1/incidents/[id]": { path: () => `/api/v1/incidents/${ctx.incidentId}`, ok: 200, sees: SENTINEL.incident },
  "POST /api/v1/incidents/[id]/updates": { path: () => `/api/v1/incidents/${ctx.incidentId}/updates`, ok: 201, body: () => ({ status: "identified", message: "Matrix update." }) },
  "GET /api/v1/monitors": { path: () => "/api/v1/monitors", ok: 200, sees: SENTINEL.monitor },
  "POST /api/v1/monitors": { path: () => "/api/v1/monitors", ok: 201, body: () => ({ name: "Matrix monitor", host: "127.0.0.1", port: ctx.closedPort, service: "teams" }) },
  "GET /api/v1/monitors/[id]": { path: () => `/api/v1/monitors/${ctx.monitorId}`, ok: 200, sees: SENTINEL.monitor },
  "PATCH /api/v1/monitors/[id]": { path: () => `/api/v1/monitors/${ctx.monitorId}`, ok: 200, body: () => ({ intervalSeconds: 3600 + Math.floor(Math.random() * 3600) }), sees: SENTINEL.monitor },
  // Each caller tries to delete a monitor of its own from a pool made in beforeAll.
  "DELETE /api/v1/monitors/[id]": { path: () => `/api/v1/monitors/${spareMonitor()}`, ok: 204 },
  "POST /api/v1/monitors/[id]/check": { path: () => `/api/v1/monitors/${ctx.monitorId}/check`, ok: 200 },
  "GET /api/v1/services": { path: () => "/api/v1/services", ok: 200, sees: "Microsoft Teams" },
  "GET /api/v1/settings/monitor-targets": { role: "admin", path: () => "/api/v1/settings/monitor-targets", ok: 200, sees: "169.254.169.254" },
  "PUT /api/v1/settings/monitor-targets": { role: "admin", path: () => "/api/v1/settings/monitor-targets", ok: 200, body: () => ({ allow: [], deny: ["169.254.0.0/16", "203.0.113.7"] }) },
};
// Routes outside /api/v1 that are public by design (no credentials, no per-user data).
const PUBLIC_ROUTES = [
  "/api/auth/[...nextauth]", "/api/health", "/history.atom", "/history.rss", "/incidents/[id]/feed.atom", "/incidents/[id]/feed.rss",
  "/og/incidents/[id]", "/og/status", "/api/v2/components.json", "/api/v2/incidents.json", "/api/v2/incidents/unresolved.json",
  "/api/v2/scheduled-maintenances.json", "/api/v2/scheduled-maintenances/active.json", "/api/v2/scheduled-maintenances/upcoming.json",
  "/api/v2/status.json", "/api/v2/summary.json",
  // The only anonymous writes: subscribe, confirm, unsubscribe (and the manage page's filter, same
  // token as unsubscribe). Bounded and limited per IP: tests/e2e/subscriptions.spec.ts.
  "/subscriptions", "/subscriptions/confirm/submit", "/subscriptions/unsubscribe/submit", "/subscriptions/manage/submit",
];

// ---- server actions ------------------------------------------------------------------------
type Call = { path: string; args: unknown[] };
type ActionEntry = { role?: "admin"; prepare: (who: Identity) => Call | Promise<Call> };
const prev = { seq: 0, values: {}, errors: {} };
const actingUser = (who: Identity) => (who === "admin" ? ctx.users.admin : ctx.users.responder);

function insertToken(userId: number, name: string): number {
  const { hash, prefix } = newToken();
  return withDb(ctx.app, (db) => Number(db.prepare("INSERT INTO api_tokens (user_id, name, token_hash, prefix) VALUES (?, ?, ?, ?)").run(userId, name, hash, prefix).lastInsertRowid));
}
function insertMonitor(name: string): number {
  return withDb(ctx.app, (db) => Number(db.prepare(`INSERT INTO monitors (name, host, port, service_id, next_check_at, created_at)
    VALUES (?, '127.0.0.1', ?, (SELECT id FROM services WHERE slug = 'teams'), ?, ?)`).run(name, ctx.closedPort, Date.now() + 86_400_000, Date.now()).lastInsertRowid));
}
function spareMonitor(): number {
  const id = ctx.spareMonitorIds.shift();
  if (id === undefined) throw new Error("out of spare monitors");
  return id;
}
function insertNotice(): number {
  return withDb(ctx.app, (db) => Number(db.prepare("INSERT INTO notices (kind, dedup_key, level, message, created_at) VALUES ('test', ?, 'warning', ?, ?)")
    .run(`matrix-${Math.random()}`, SENTINEL.notice, Date.now()).lastInsertRowid));
}
/** A dead X delivery on an update of its own (deliveries are unique per update and channel). */
function insertDeadDelivery(): number {
  const updateId = ctx.updateIds.shift();
  if (updateId === undefined) throw new Error("out of spare updates");
  return withDb(ctx.app, (db) => Number(db.prepare(`INSERT INTO deliveries (update_id, incident_id, channel, state, attempts, next_attempt_at, last_error, created_at)
    VALUES (?, ?, 'x', 'dead', 5, 0, ?, ?)`).run(updateId, ctx.incidentId, SENTINEL.delivery, Date.now()).lastInsertRowid));
}

const ACTIONS: Record<string, ActionEntry> = {
  "app/console/deliveries/actions.ts#retryDeliveryAction": { prepare: () => ({ path: "/console/deliveries", args: [formData({ id: String(insertDeadDelivery()) })] }) },
  "app/console/deliveries/actions.ts#skipDeliveryAction": { prepare: () => ({ path: "/console/deliveries", args: [formData({ id: String(insertDeadDelivery()) })] }) },
  "app/console/incidents/[id]/actions.ts#postUpdateAction": {
    prepare: () => ({ path: `/console/incidents/${ctx.incidentId}`, args: [ctx.incidentId, prev, formData({ status: "identified", message: "Posted from the matrix." })] }),
  },
  "app/console/incidents/new/actions.ts#openIncidentAction": {
    prepare: () => ({ path: "/console/incidents/new", args: [prev, formData({ service: "exchange", title: "Matrix action incident", message: "Opened by an action.", status: "investigating", nextUpdate: "none" })] }),
  },
  "app/console/monitors/actions.ts#checkNowAction": { prepare: () => ({ path: `/console/monitors/${ctx.monitorId}`, args: [{ seq: 0 }, formData({ id: String(ctx.monitorId) })] }) },
  "app/console/monitors/actions.ts#createMonitorAction": {
    prepare: () => ({ path: "/console/monitors/new", args: [{ seq: 0, values: {}, errors: {} }, formData({ name: "Matrix action monitor", host: "127.0.0.1", port: String(ctx.closedPort), service: "teams" })] }),
  },
  "app/console/monitors/actions.ts#updateMonitorAction": {
    prepare: () => {
      const id = insertMonitor("Matrix monitor to edit");
      return { path: `/console/monitors/${id}`, args: [{ seq: 0, values: {}, errors: {} }, formData({ id: String(id), name: "Edited by the matrix", host: "127.0.0.1", port: String(ctx.closedPort), service: "teams" })] };
    },
  },
  "app/console/monitors/actions.ts#setMonitorEnabledAction": {
    prepare: () => { const id = insertMonitor("Matrix monitor to pause"); return { path: `/console/monitors/${id}`, args: [{ seq: 0 }, formData({ id: String(id), enabled: "false" })] }; },
  },
  "app/console/monitors/actions.ts#deleteMonitorAction": {
    prepare: () => { const id = insertMonitor("Matrix monitor to delete"); return { path: `/console/monitors/${id}`, args: [{ seq: 0 }, formData({ id: String(id) })] }; },
  },
  "app/console/notice-actions.ts#dismissNoticeAction": { prepare: () => ({ path: "/console", args: [formData({ id: String(insertNotice()) })] }) },
  "app/console/settings/actions.ts#saveTargetPolicyAction": {
    role: "admin",
    prepare: () => ({ path: "/console/settings", args: [{ seq: 0, values: { allow: "", deny: "" }, errors: {} }, formData({ allow: "", deny: `169.254.0.0/16\n198.51.100.${Math.floor(Math.random() * 250)}` })] }),
  },
  "app/console/tokens/actions.ts#createTokenAction": { prepare: () => ({ path: "/console/tokens", args: [{}, formData({ name: "made by the matrix" })] }) },
  // Each caller tries to revoke a fresh token: its own when it has an account, else a responder's.
  "app/console/tokens/actions.ts#revokeTokenAction": { prepare: (who) => ({ path: "/console/tokens", args: [{}, formData({ id: String(insertToken(actingUser(who).id, "to revoke")) })] }) },
};

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ request }) => {
  test.setTimeout(120_000);
  const app = await startApp({ seed: "catalog", env: { HERALD_BACKGROUND: "off" } });
  const closedPort = await freePort();
  const ids = withDb(app, (db) => {
    const byEmail = (email: string) => db.prepare("SELECT id, email, name FROM users WHERE email = ?").get(email) as { id: number; email: string; name: string };
    return { admin: byEmail("admin@herald.test"), responder: byEmail("responder@herald.test") };
  });
  // A second admin who signs in and is then disabled; an admin so a broken check would show everything.
  const goneHash = await hashPassword(PASSWORD);
  const gone = withDb(app, (db) => {
    const id = Number(db.prepare("INSERT INTO users (email, name, password_hash, role) VALUES ('gone@herald.test', 'Gone Admin', ?, 'admin')").run(goneHash).lastInsertRowid);
    return { id, email: "gone@herald.test", name: "Gone Admin" };
  });
  ctx = { app, closedPort, users: { ...ids, gone }, incidentId: "", monitorId: 0, updateIds: [], spareMonitorIds: [], tokens: {} as Ctx["tokens"], sessions: {} as Ctx["sessions"] };
  const token = (userId: number, name: string, patch?: string) => {
    const t = newToken();
    withDb(app, (db) => {
      const id = db.prepare("INSERT INTO api_tokens (user_id, name, token_hash, prefix) VALUES (?, ?, ?, ?)").run(userId, name, t.hash, t.prefix).lastInsertRowid;
      if (patch) db.prepare(`UPDATE api_tokens SET ${patch} WHERE id = ?`).run(id);
    });
    return t.token;
  };
  const past = Date.now() - 60_000;
  ctx.tokens = {
    responder: token(ids.responder.id, SENTINEL.token), admin: token(ids.admin.id, SENTINEL.token),
    revoked: token(ids.admin.id, "revoked", `revoked_at = ${past}`), expired: token(ids.admin.id, "expired", `expires_at = ${past}`),
    gone: token(gone.id, "gone"),
  };
  const signIn = async (email: string) => {
    const r = await httpSignIn(app, email, PASSWORD);
    if (!r.session) throw new Error(`sign-in of ${email} failed: ${r.status} ${r.body}`);
    return r.session;
  };
  ctx.sessions = {
    responder: await signIn("responder@herald.test"), admin: await signIn("admin@herald.test"), gone: await signIn("gone@herald.test"),
    expired: await mintSession(ids.admin, -3600),
  };
  withDb(app, (db) => db.prepare("UPDATE users SET disabled_at = ? WHERE id = ?").run(Date.now(), gone.id));

  const api = async (path: string, data: unknown) => {
    const res = await request.post(`${app.url}${path}`, { headers: { authorization: `Bearer ${ctx.tokens.responder}` }, data });
    expect(res.status(), await res.text()).toBeLessThan(300);
    return res.json() as Promise<{ id: number | string; update?: { id: number } }>;
  };
  ctx.incidentId = String((await api("/api/v1/incidents", { service: "teams", title: SENTINEL.incident, message: "Sentinel.", skipX: true })).id);
  ctx.monitorId = Number((await api("/api/v1/monitors", { name: SENTINEL.monitor, host: "127.0.0.1", port: closedPort, service: "teams" })).id);
  for (let i = 0; i < 2 * IDENTITIES.length + 1; i++) {
    const r = await api(`/api/v1/incidents/${ctx.incidentId}/updates`, { status: "investigating", message: `Spare update ${i}.`, skipX: true });
    ctx.updateIds.push(r.update?.id ?? 0);
  }
  for (let i = 0; i < IDENTITIES.length; i++) ctx.spareMonitorIds.push(insertMonitor(`Spare monitor ${i}`));
  insertNotice();
  insertDeadDelivery(); // so the deliveries page has a row to show
});
test.afterAll(async () => { await ctx?.app.stop(); });

test("every console page, API route and server action on disk has a matrix entry (and no entry is stale)", () => {
  const pages = appFiles((n) => /^page\.[jt]sx?$/.test(n)).map(routeOf);
  const routes = appFiles((n) => /^route\.[jt]sx?$/.test(n)).map((f) => ({ route: routeOf(f), methods: routeMethods(f) }));
  const missing: string[] = [];
  for (const p of pages) if (!PAGES[p] && !PUBLIC_PAGES.includes(p)) missing.push(`page ${p}`);
  const apiOnDisk = routes.filter((r) => r.route.startsWith("/api/v1")).flatMap((r) => r.methods.map((m) => `${m} ${r.route}`));
  for (const r of apiOnDisk) if (!API[r]) missing.push(`route ${r}`);
  for (const r of routes) if (!r.route.startsWith("/api/v1") && !PUBLIC_ROUTES.includes(r.route)) missing.push(`route ${r.route} (not /api/v1 and not listed as public)`);
  const actions = serverActions();
  for (const a of actions) if (!ACTIONS[a]) missing.push(`server action ${a}`);
  const ids = actionIds();
  for (const a of actions) if (ACTIONS[a] && !ids.has(a)) missing.push(`server action ${a} is not in this build's manifest (rebuild?)`);
  expect(missing, "add these to the matrix with what each caller should get").toEqual([]);
  const stale = [
    ...Object.keys(PAGES).filter((p) => !pages.includes(p)), ...Object.keys(API).filter((r) => !apiOnDisk.includes(r)),
    ...Object.keys(ACTIONS).filter((a) => !actions.includes(a)),
  ];
  expect(stale, "matrix entries with nothing on disk").toEqual([]);
  expect(Object.keys(PAGES).length + apiOnDisk.length + actions.length).toBeGreaterThanOrEqual(30);
});

test("console pages × callers: data only for a signed-in, enabled user with the role", async () => {
  const failures: string[] = [];
  let cells = 0;
  for (const [route, entry] of Object.entries(PAGES)) {
    for (const who of IDENTITIES) {
      cells++;
      const before = dbFingerprint(ctx.app);
      const res = await fetch(ctx.app.url + entry.path(), { redirect: "manual", headers: credentials(who, "console") });
      const body = await res.text();
      const where = `${route} as ${who}: ${res.status} ${res.headers.get("location") ?? ""}`;
      if (allowed(who, entry.role)) {
        if (res.status !== 200 || !body.includes(entry.sees)) failures.push(`${where} (expected 200 showing "${entry.sees}")`);
      } else {
        // Anonymous callers are sent to sign in and brought back to the page they asked for.
        const to = who === "responder" ? "/console?forbidden=1" : `/console/signin?callbackUrl=${encodeURIComponent(entry.path())}`;
        if (res.status !== 307 || res.headers.get("location") !== to) failures.push(`${where} (expected 307 to ${to})`);
        // A responder may see what every responder sees (the layout's notices), not the admin page.
        const leaked = who === "responder" ? [entry.sees].filter((s) => body.includes(s)) : leaks(body);
        if (leaked.length) failures.push(`${where} leaked ${leaked.join(", ")}`);
        if (dbFingerprint(ctx.app) !== before) failures.push(`${where} wrote to the database`);
      }
    }
  }
  // The sign-in page: open to all, and a signed-in user is sent on to the console.
  for (const who of IDENTITIES) {
    cells++;
    const res = await fetch(`${ctx.app.url}/console/signin`, { redirect: "manual", headers: credentials(who, "console") });
    const expected = allowed(who) ? 307 : 200;
    const leaked = allowed(who) ? [] : leaks(await res.text());
    if (res.status !== expected || leaked.length) failures.push(`/console/signin as ${who}: ${res.status} (expected ${expected}) ${leaked.join(", ")}`);
  }
  console.log(`console pages: ${cells} cells checked`);
  expect(failures).toEqual([]);
  expect(cells).toBe((Object.keys(PAGES).length + 1) * IDENTITIES.length);
});

test("/api/v1 routes × callers: bearer tokens of enabled users only; cookies never count", async () => {
  const failures: string[] = [];
  let cells = 0;
  for (const [key, entry] of Object.entries(API)) {
    const method = key.split(" ")[0] ?? "GET";
    for (const who of IDENTITIES) {
      cells++;
      const before = dbFingerprint(ctx.app);
      const body = entry.body?.();
      const res = await fetch(ctx.app.url + entry.path(), {
        method, redirect: "manual", headers: { ...credentials(who, "api"), ...(body ? { "content-type": "application/json" } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      const where = `${key} as ${who}: ${res.status}`;
      const after = dbFingerprint(ctx.app);
      if (allowed(who, entry.role)) {
        if (res.status !== entry.ok) failures.push(`${where} (expected ${entry.ok}) ${text.slice(0, 200)}`);
        if (entry.sees && !text.includes(entry.sees)) failures.push(`${where} did not show "${entry.sees}"`);
        if ((body !== undefined || method === "DELETE") && after === before) failures.push(`${where} wrote nothing`);
      } else {
        const expected = who === "responder" ? 403 : 401;
        if (res.status !== expected) failures.push(`${where} (expected ${expected}) ${text.slice(0, 200)}`);
        if (!/^\{"error":/.test(text) || leaks(text).length) failures.push(`${where} answered ${text.slice(0, 200)}`);
        if (after !== before) failures.push(`${where} wrote to the database`);
      }
    }
  }
  console.log(`/api/v1: ${cells} cells checked`);
  expect(failures).toEqual([]);
});

test("server actions × callers: only a signed-in, enabled user with the role writes", async () => {
  const ids = actionIds();
  const failures: string[] = [];
  let cells = 0;
  for (const [key, entry] of Object.entries(ACTIONS)) {
    const action = ids.get(key);
    if (!action) { failures.push(`${key} missing from the build`); continue; }
    for (const who of IDENTITIES) {
      cells++;
      const call = await entry.prepare(who);
      const before = dbFingerprint(ctx.app);
      const res = await callAction(ctx.app, action.id, call.path, call.args, credentials(who, "console"));
      const after = dbFingerprint(ctx.app);
      const where = `${key} as ${who}: ${res.status} redirect=${res.redirect ?? "-"}`;
      if (allowed(who, entry.role)) {
        if (res.status !== 200 || res.redirect?.startsWith("/console/signin") || after === before) failures.push(`${where} (expected it to write)`);
      } else {
        const to = who === "responder" ? "/console?forbidden=1" : "/console/signin";
        if (!res.redirect?.startsWith(to)) failures.push(`${where} (expected a redirect to ${to})`);
        if (after !== before) failures.push(`${where} wrote to the database`);
        if (who !== "responder" && leaks(res.text).length) failures.push(`${where} leaked ${leaks(res.text).join(", ")}`);
      }
    }
  }
  console.log(`server actions: ${cells} cells checked`);
  expect(failures).toEqual([]);
});

import { expect, test } from "@playwright/test";
import { PNG } from "pngjs";
import { hashPassword } from "@/lib/auth/password";
import { hashToken, newToken } from "@/lib/auth/tokens";
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
const SENTINEL = { service: "Matrix sentinel service", incident: "Matrix sentinel incident", monitor: "Matrix sentinel monitor", token: "matrix-sentinel-token", notice: "Matrix sentinel notice", delivery: "Matrix sentinel delivery", template: "Matrix sentinel template", maintenance: "Matrix sentinel maintenance", subscriber: "matrix-sentinel-subscriber" };

type Ctx = {
  app: AppServer; incidentId: string; resolvedId: string; monitorId: number; closedPort: number; updateIds: number[]; spareMonitorIds: number[]; spareServices: string[]; spareComponents: string[];
  firstUpdateId: number; templateId: number; spareTemplateIds: number[]; subscriberId: number; maintenanceId: string; spareMaintenances: string[];
  spareSubscribers: { plain: number[]; quarantined: number[] };
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
  "/console/incidents/[id]/updates/[updateId]": { path: () => `/console/incidents/${ctx.incidentId}/updates/${ctx.firstUpdateId}`, sees: "Correct an update" },
  "/console/monitors": { path: () => "/console/monitors", sees: SENTINEL.monitor },
  "/console/monitors/[id]": { path: () => `/console/monitors/${ctx.monitorId}`, sees: SENTINEL.monitor },
  "/console/monitors/new": { path: () => "/console/monitors/new", sees: "Add a certificate monitor" },
  "/console/services": { path: () => "/console/services", role: "admin", sees: SENTINEL.service },
  "/console/services/[slug]": { path: () => "/console/services/matrix-sentinel", role: "admin", sees: SENTINEL.service },
  "/console/people": { path: () => "/console/people", role: "admin", sees: "Open invites" },
  "/console/account": { path: () => "/console/account", sees: "Change your password" },
  "/console/settings": { path: () => "/console/settings", role: "admin", sees: "Certificate monitor targets" },
  "/console/subscribers": { path: () => "/console/subscribers", role: "admin", sees: SENTINEL.subscriber },
  "/console/tokens": { path: () => "/console/tokens", sees: SENTINEL.token },
  "/console/templates": { path: () => "/console/templates", sees: SENTINEL.template },
  "/console/templates/new": { path: () => "/console/templates/new", sees: "New template" },
  "/console/templates/[id]": { path: () => `/console/templates/${ctx.templateId}`, sees: SENTINEL.template },
  "/console/maintenance": { path: () => "/console/maintenance", sees: SENTINEL.maintenance },
  "/console/maintenance/[id]": { path: () => `/console/maintenance/${ctx.maintenanceId}`, sees: SENTINEL.maintenance },
};
// Pages anyone may read. The sign-in page sends a signed-in user on to the console.
const PUBLIC_PAGES = ["/", "/history", "/incidents/[id]", "/console/signin", "/setup", "/invite/[token]", "/reset/[token]", "/subscriptions/confirm", "/subscriptions/manage", "/subscriptions/unsubscribe"];

// ---- /api/v1 -------------------------------------------------------------------------------
type ApiEntry = { role?: "admin"; path: () => string; ok: number; body?: () => unknown; sees?: string };
const API: Record<string, ApiEntry> = {
  "GET /api/v1/audit": { role: "admin", path: () => "/api/v1/audit", ok: 200, sees: "incident.opened" },
  "GET /api/v1/incidents": { path: () => "/api/v1/incidents", ok: 200, sees: SENTINEL.incident },
  "POST /api/v1/incidents": { path: () => "/api/v1/incidents", ok: 201, body: () => ({ service: "teams", title: "Opened by the matrix", message: "Matrix." }) },
  "GET /api/v1/incidents/[id]": { path: () => `/api/v1/incidents/${ctx.incidentId}`, ok: 200, sees: SENTINEL.incident },
  "PATCH /api/v1/incidents/[id]/updates/[updateId]": {
    path: () => `/api/v1/incidents/${ctx.incidentId}/updates/${ctx.firstUpdateId}`, ok: 200, body: () => ({ message: `Corrected by the matrix ${Math.random()}.` }),
  },
  "GET /api/v1/maintenances": { path: () => "/api/v1/maintenances", ok: 200, sees: SENTINEL.maintenance },
  "POST /api/v1/maintenances": { path: () => "/api/v1/maintenances", ok: 201, body: () => maintenanceBody("Scheduled by the matrix") },
  "GET /api/v1/maintenances/[id]": { path: () => `/api/v1/maintenances/${ctx.maintenanceId}`, ok: 200, sees: SENTINEL.maintenance },
  "PATCH /api/v1/maintenances/[id]": { path: () => `/api/v1/maintenances/${ctx.maintenanceId}`, ok: 200, body: () => ({ remindBeforeMinutes: 1 + Math.floor(Math.random() * 100) }), sees: SENTINEL.maintenance },
  "POST /api/v1/maintenances/[id]/updates": { path: () => `/api/v1/maintenances/${ctx.maintenanceId}/updates`, ok: 201, body: () => ({ status: "scheduled", message: "Matrix update." }) },
  "GET /api/v1/templates": { path: () => "/api/v1/templates", ok: 200, sees: SENTINEL.template },
  "POST /api/v1/templates": { path: () => "/api/v1/templates", ok: 201, body: () => ({ kind: "update", name: `Matrix template ${Math.random()}`, body: "Matrix." }) },
  "PATCH /api/v1/templates/[id]": { path: () => `/api/v1/templates/${ctx.templateId}`, ok: 200, body: () => ({ body: `Matrix body ${Math.random()}` }), sees: SENTINEL.template },
  // Each caller tries to delete a template of its own from a pool made in beforeAll.
  "DELETE /api/v1/templates/[id]": { path: () => `/api/v1/templates/${spareTemplate()}`, ok: 204 },
  "PUT /api/v1/incidents/[id]/review": { path: () => `/api/v1/incidents/${ctx.resolvedId}/review`, ok: 200, body: () => ({ body: `Matrix review ${Math.random()}`, published: false }) },
  // The Graph-shaped feed takes the same bearer tokens (its errors are Graph-shaped: {"error":{…}}).
  "GET /api/graph/v1.0/admin/serviceAnnouncement/issues": { path: () => "/api/graph/v1.0/admin/serviceAnnouncement/issues", ok: 200, sees: SENTINEL.incident },
  "GET /api/graph/v1.0/admin/serviceAnnouncement/issues/[id]": { path: () => `/api/graph/v1.0/admin/serviceAnnouncement/issues/${ctx.incidentId}`, ok: 200, sees: SENTINEL.incident },
  "POST /api/v1/incidents/[id]/updates": { path: () => `/api/v1/incidents/${ctx.incidentId}/updates`, ok: 201, body: () => ({ status: "identified", message: "Matrix update." }) },
  "GET /api/v1/monitors": { path: () => "/api/v1/monitors", ok: 200, sees: SENTINEL.monitor },
  "POST /api/v1/monitors": { path: () => "/api/v1/monitors", ok: 201, body: () => ({ name: "Matrix monitor", host: "127.0.0.1", port: ctx.closedPort, service: "teams" }) },
  "GET /api/v1/monitors/[id]": { path: () => `/api/v1/monitors/${ctx.monitorId}`, ok: 200, sees: SENTINEL.monitor },
  "PATCH /api/v1/monitors/[id]": { path: () => `/api/v1/monitors/${ctx.monitorId}`, ok: 200, body: () => ({ intervalSeconds: 3600 + Math.floor(Math.random() * 3600) }), sees: SENTINEL.monitor },
  // Each caller tries to delete a monitor of its own from a pool made in beforeAll.
  "DELETE /api/v1/monitors/[id]": { path: () => `/api/v1/monitors/${spareMonitor()}`, ok: 204 },
  "POST /api/v1/monitors/[id]/check": { path: () => `/api/v1/monitors/${ctx.monitorId}/check`, ok: 200 },
  "GET /api/v1/services": { path: () => "/api/v1/services", ok: 200, sees: "Microsoft Teams" },
  "POST /api/v1/services": { role: "admin", path: () => "/api/v1/services", ok: 201, body: () => ({ name: "Matrix API service", idPrefix: nextPrefix(), components: [{ name: "Part", group: "G" }] }) },
  "GET /api/v1/services/[slug]": { path: () => "/api/v1/services/matrix-sentinel", ok: 200, sees: SENTINEL.service },
  "PATCH /api/v1/services/[slug]": { role: "admin", path: () => "/api/v1/services/matrix-sentinel", ok: 200, body: () => ({ description: `Patched ${Math.random()}` }), sees: SENTINEL.service },
  // Each caller tries to delete a service (or component) of its own from a pool made in beforeAll.
  "DELETE /api/v1/services/[slug]": { role: "admin", path: () => `/api/v1/services/${spare(ctx.spareServices)}`, ok: 204 },
  "POST /api/v1/services/[slug]/components": { role: "admin", path: () => "/api/v1/services/matrix-sentinel/components", ok: 201, body: () => ({ name: `Matrix part ${Math.random()}` }) },
  "PATCH /api/v1/services/[slug]/components/[component]": {
    role: "admin", path: () => "/api/v1/services/matrix-sentinel/components/matrix-part", ok: 200, body: () => ({ description: `Patched ${Math.random()}` }),
  },
  "DELETE /api/v1/services/[slug]/components/[component]": { role: "admin", path: () => `/api/v1/services/matrix-sentinel/components/${spare(ctx.spareComponents)}`, ok: 204 },
  "GET /api/v1/settings/monitor-targets": { role: "admin", path: () => "/api/v1/settings/monitor-targets", ok: 200, sees: "169.254.169.254" },
  "GET /api/v1/settings/page": { role: "admin", path: () => "/api/v1/settings/page", ok: 200, sees: "accentColor" },
  "PATCH /api/v1/settings/page": { role: "admin", path: () => "/api/v1/settings/page", ok: 200, body: () => ({ name: `Matrix page ${Math.random()}` }) },
  "PUT /api/v1/settings/monitor-targets": { role: "admin", path: () => "/api/v1/settings/monitor-targets", ok: 200, body: () => ({ allow: [], deny: ["169.254.0.0/16", "203.0.113.7"] }) },
  "GET /api/v1/subscribers": { role: "admin", path: () => "/api/v1/subscribers", ok: 200, sees: SENTINEL.subscriber },
  "POST /api/v1/subscribers": { role: "admin", path: () => "/api/v1/subscribers", ok: 201, body: () => ({ channel: "slack", target: `http://127.0.0.1:${ctx.closedPort}/api-${Math.random()}` }) },
  "GET /api/v1/subscribers/[id]": { role: "admin", path: () => `/api/v1/subscribers/${ctx.subscriberId}`, ok: 200, sees: SENTINEL.subscriber },
  // Each caller tries to remove, or reactivate, a subscriber of its own.
  "DELETE /api/v1/subscribers/[id]": { role: "admin", path: () => `/api/v1/subscribers/${spareSubscriber("plain")}`, ok: 204 },
  "POST /api/v1/subscribers/[id]/reactivate": { role: "admin", path: () => `/api/v1/subscribers/${spareSubscriber("quarantined")}/reactivate`, ok: 200 },
};
// Console routes that are not pages (downloads): the session decides, 401/403 otherwise.
const CONSOLE_ROUTES: Record<string, { role?: "admin"; path: () => string; sees: string }> = {
  "/console/subscribers/export": { role: "admin", path: () => "/console/subscribers/export", sees: SENTINEL.subscriber },
};
// Routes outside /api/v1 that are public by design (no credentials, no per-user data).
const PUBLIC_ROUTES = [
  "/api/auth/[...nextauth]", "/api/health", "/history.atom", "/history.rss", "/incidents/[id]/feed.atom", "/incidents/[id]/feed.rss",
  "/og/incidents/[id]", "/og/status", "/api/v2/components.json", "/api/v2/incidents.json", "/api/v2/incidents/unresolved.json",
  "/api/v2/scheduled-maintenances.json", "/api/v2/scheduled-maintenances/active.json", "/api/v2/scheduled-maintenances/upcoming.json",
  "/api/v2/status.json", "/api/v2/summary.json", "/logo/[file]", "/theme.css", "/uptime.json",
  // The only anonymous writes: subscribe, confirm, unsubscribe (and the manage page's filter, same
  // token as unsubscribe). Bounded and limited per IP: tests/e2e/subscriptions.spec.ts.
  "/subscriptions", "/subscriptions/confirm/submit", "/subscriptions/unsubscribe/submit", "/subscriptions/manage/submit",
  // The front cache's source for the status page's uptime boxes: public data, and answered 404 to
  // every reader by the main thread (lib/server/to-renderer.ts; tests/e2e/uptime.spec.ts).
  "/%5Fherald/uptime-blocks",
];

// ---- server actions ------------------------------------------------------------------------
type Call = { path: string; args: unknown[] };
type ActionEntry = { role?: "admin"; prepare: (who: Identity) => Call | Promise<Call>; after?: (who: Identity) => void | Promise<void> };
const prev = { seq: 0, values: {}, errors: {} };
/** A window two days out on a public service (no component, so the page's banner never changes). */
const maintenanceBody = (title: string) => ({ service: "teams", title, message: "Matrix window.",
  scheduledFor: new Date(Date.now() + 2 * 86_400_000).toISOString(), scheduledUntil: new Date(Date.now() + 2 * 86_400_000 + 3_600_000).toISOString(), components: [] });
const localUtc = (ms: number) => new Date(ms).toISOString().slice(0, 16);
function spareMaintenance(): string {
  const id = ctx.spareMaintenances.shift();
  if (id === undefined) throw new Error("out of spare maintenances");
  return id;
}
const actingUser = (who: Identity) => (who === "admin" ? ctx.users.admin : ctx.users.responder);

/** A 2×2 PNG of a random colour, so every upload is new bytes. */
function tinyPng(): Blob {
  const png = new PNG({ width: 2, height: 2 });
  for (let i = 0; i < png.data.length; i++) png.data[i] = i % 4 === 3 ? 255 : Math.floor(Math.random() * 256);
  return new Blob([new Uint8Array(PNG.sync.write(png))], { type: "image/png" });
}
function insertLogo(): void {
  withDb(ctx.app, (db) => db.prepare("INSERT OR REPLACE INTO page_assets (key, content_type, data, sha256, updated_at) VALUES ('logo', 'image/png', ?, ?, ?)")
    .run(Buffer.from("matrix"), `${Math.random().toString(16).slice(2)}`.padEnd(64, "0"), Date.now()));
}

function insertToken(userId: number, name: string): number {
  const { hash, prefix } = newToken();
  return withDb(ctx.app, (db) => Number(db.prepare("INSERT INTO api_tokens (user_id, name, token_hash, prefix) VALUES (?, ?, ?, ?)").run(userId, name, hash, prefix).lastInsertRowid));
}
function insertMonitor(name: string): number {
  return withDb(ctx.app, (db) => Number(db.prepare(`INSERT INTO monitors (name, host, port, service_id, next_check_at, created_at)
    VALUES (?, '127.0.0.1', ?, (SELECT id FROM services WHERE slug = 'teams'), ?, ?)`).run(name, ctx.closedPort, Date.now() + 86_400_000, Date.now()).lastInsertRowid));
}
let prefixes = 0;
/** A fresh, unused incident ID prefix (MXA, MXB, …, MXBA…): created services need unique ones. */
function nextPrefix(): string {
  let n = prefixes++, out = "";
  do { out = String.fromCharCode(65 + (n % 26)) + out; n = Math.floor(n / 26); } while (n > 0);
  return `MX${out}`;
}
function spare<T>(pool: T[]): T {
  const item = pool.shift();
  if (item === undefined) throw new Error("out of spares");
  return item;
}
/** A service with no incidents (so deletable), made directly; returns its slug. */
function insertService(): string {
  const slug = `matrix-spare-${Math.random().toString(36).slice(2, 10)}`;
  withDb(ctx.app, (db) => db.prepare("INSERT INTO services (slug, name, id_prefix, hidden) VALUES (?, 'Spare', ?, 1)").run(slug, nextPrefix()));
  return slug;
}
/** A component of the sentinel service with nothing referring to it; returns its slug. */
function insertComponent(groupName?: string): string {
  const slug = `spare-${Math.random().toString(36).slice(2, 10)}`;
  withDb(ctx.app, (db) => {
    const service = (db.prepare("SELECT id FROM services WHERE slug = 'matrix-sentinel'").get() as { id: number }).id;
    const group = groupName ? Number(db.prepare("INSERT INTO component_groups (service_id, name) VALUES (?, ?)").run(service, groupName).lastInsertRowid) : null;
    db.prepare("INSERT INTO components (service_id, slug, name, group_id, created_at) VALUES (?, ?, 'Spare part', ?, ?)").run(service, slug, group, Date.now());
  });
  return slug;
}
function spareMonitor(): number {
  const id = ctx.spareMonitorIds.shift();
  if (id === undefined) throw new Error("out of spare monitors");
  return id;
}
function insertTemplate(name: string): number {
  return withDb(ctx.app, (db) => Number(db.prepare("INSERT INTO templates (kind, name, body, created_at, updated_at) VALUES ('incident', ?, 'Matrix.', ?, ?)")
    .run(name, Date.now(), Date.now()).lastInsertRowid));
}
function spareTemplate(): number {
  const id = ctx.spareTemplateIds.shift();
  if (id === undefined) throw new Error("out of spare templates");
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

/** An open invite (or reset link) whose token the test knows; only its hash is stored, as the verbs do. */
function insertLink(kind: "invite" | "reset", email: string, userId: number | null = null): string {
  const token = newToken().token.replace("hrld_", "").padEnd(43, "x");
  withDb(ctx.app, (db) => db.prepare(`INSERT INTO account_links (kind, token_hash, email, role, user_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)`)
    .run(kind, hashToken(token), email, kind === "invite" ? "responder" : null, userId, Date.now(), Date.now() + 86_400_000));
  return token;
}
function spareUser(): { id: number; role: string; disabled: boolean } {
  return withDb(ctx.app, (db) => {
    const row = db.prepare("SELECT id, role, disabled_at FROM users WHERE email = 'spare@herald.test'").get() as { id: number; role: string; disabled_at: number | null } | undefined;
    if (row) return { id: row.id, role: row.role, disabled: row.disabled_at !== null };
    const id = Number(db.prepare("INSERT INTO users (email, name, password_hash, role) VALUES ('spare@herald.test', 'Spare', 'x', 'responder')").run().lastInsertRowid);
    return { id, role: "responder", disabled: false };
  });
}
const linkIdOf = (email: string) => withDb(ctx.app, (db) => (db.prepare("SELECT max(id) AS id FROM account_links WHERE email = ?").get(email) as { id: number }).id);
const NEW_PASSWORD = "matrix-changed-password";
/** A webhook subscriber (quarantined if asked) that one caller may remove or reactivate. */
function insertSubscriber(quarantined = false): number {
  const target = `http://127.0.0.1:${ctx.closedPort}/spare-${Math.random()}`;
  return withDb(ctx.app, (db) => Number(db.prepare(`INSERT INTO subscribers (channel, target, target_key, secret, created_at, confirmed_at, quarantined_at, failing_since)
    VALUES ('webhook', ?, ?, 'whsec_matrix', ?, ?, ?, ?)`).run(target, target, Date.now(), Date.now(), quarantined ? Date.now() : null, quarantined ? Date.now() : null).lastInsertRowid));
}

function spareSubscriber(kind: "plain" | "quarantined"): number {
  const id = ctx.spareSubscribers[kind].shift();
  if (id === undefined) throw new Error("out of spare subscribers");
  return id;
}

const ACTIONS: Record<string, ActionEntry> = {
  // Changing one's password voids one's sessions; `after` puts the old password back (no change time) for the next cells.
  "app/console/account/actions.ts#changePasswordAction": {
    prepare: () => ({ path: "/console/account", args: [prev, formData({ current: PASSWORD, password: NEW_PASSWORD, confirm: NEW_PASSWORD })] }),
    after: async (who) => {
      if (!allowed(who)) return;
      const hash = await hashPassword(PASSWORD);
      withDb(ctx.app, (db) => db.prepare("UPDATE users SET password_hash = ?, password_changed_at = NULL WHERE email IN ('admin@herald.test', 'responder@herald.test')").run(hash));
    },
  },
  "app/console/account/actions.ts#setNoticeMailAction": { prepare: () => ({ path: "/console/account", args: [formData({ noticeMail: "critical" })] }) },
  "app/console/people/actions.ts#inviteAction": {
    role: "admin", prepare: (who) => ({ path: "/console/people", args: [prev, formData({ email: `invited-${who.toLowerCase()}@herald.test`, role: "responder" })] }),
  },
  "app/console/people/actions.ts#revokeInviteAction": {
    role: "admin", prepare: (who) => { insertLink("invite", `revoke-${who.toLowerCase()}@herald.test`); return { path: "/console/people", args: [prev, formData({ id: String(linkIdOf(`revoke-${who.toLowerCase()}@herald.test`)) })] }; },
  },
  "app/console/people/actions.ts#issueResetAction": { role: "admin", prepare: () => ({ path: "/console/people", args: [prev, formData({ id: String(spareUser().id) })] }) },
  "app/console/people/actions.ts#setRoleAction": {
    role: "admin", prepare: () => { const u = spareUser(); return { path: "/console/people", args: [prev, formData({ id: String(u.id), role: u.role === "admin" ? "responder" : "admin" })] }; },
  },
  "app/console/people/actions.ts#setDisabledAction": {
    role: "admin", prepare: () => { const u = spareUser(); return { path: "/console/people", args: [prev, formData({ id: String(u.id), disabled: String(!u.disabled) })] }; },
  },
  "app/console/deliveries/actions.ts#retryDeliveryAction": { prepare: () => ({ path: "/console/deliveries", args: [formData({ id: String(insertDeadDelivery()) })] }) },
  "app/console/deliveries/actions.ts#skipDeliveryAction": { prepare: () => ({ path: "/console/deliveries", args: [formData({ id: String(insertDeadDelivery()) })] }) },
  "app/console/incidents/[id]/actions.ts#postUpdateAction": {
    prepare: () => ({ path: `/console/incidents/${ctx.incidentId}`, args: [ctx.incidentId, prev, formData({ status: "identified", message: "Posted from the matrix." })] }),
  },
  "app/console/incidents/[id]/review-actions.ts#saveReviewAction": {
    prepare: () => ({ path: `/console/incidents/${ctx.resolvedId}`, args: [ctx.resolvedId, prev, formData({ body: `Matrix review draft ${Math.random()}`, intent: "draft" })] }),
  },
  "app/console/incidents/[id]/updates/[updateId]/actions.ts#editUpdateAction": {
    prepare: () => ({
      path: `/console/incidents/${ctx.incidentId}/updates/${ctx.firstUpdateId}`,
      args: [ctx.incidentId, ctx.firstUpdateId, prev, formData({ message: `Corrected from the matrix ${Math.random()}.` })],
    }),
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
  "app/console/services/actions.ts#createServiceAction": {
    role: "admin", prepare: () => ({ path: "/console/services", args: [prev, formData({ name: "Matrix action service", idPrefix: nextPrefix(), slug: "", description: "" })] }),
  },
  "app/console/services/actions.ts#updateServiceAction": {
    role: "admin", prepare: () => ({ path: "/console/services/matrix-sentinel", args: ["matrix-sentinel", prev, formData({ description: `Edited ${Math.random()}` })] }),
  },
  "app/console/services/actions.ts#deleteServiceAction": { role: "admin", prepare: () => { const slug = insertService(); return { path: `/console/services/${slug}`, args: [slug, prev, formData({})] }; } },
  "app/console/services/actions.ts#createComponentAction": {
    role: "admin", prepare: () => ({ path: "/console/services/matrix-sentinel", args: ["matrix-sentinel", prev, formData({ name: `Matrix action part ${Math.random()}`, group: "", description: "" })] }),
  },
  "app/console/services/actions.ts#updateComponentAction": {
    role: "admin", prepare: () => ({ path: "/console/services/matrix-sentinel", args: ["matrix-sentinel", "matrix-part", prev, formData({ description: `Edited ${Math.random()}` })] }),
  },
  "app/console/services/actions.ts#deleteComponentAction": {
    role: "admin", prepare: () => { const slug = insertComponent(); return { path: "/console/services/matrix-sentinel", args: ["matrix-sentinel", slug, prev, formData({})] }; },
  },
  "app/console/services/actions.ts#renameGroupAction": {
    role: "admin", prepare: () => {
      const group = `Matrix group ${Math.random()}`;
      insertComponent(group);
      return { path: "/console/services/matrix-sentinel", args: ["matrix-sentinel", group, prev, formData({ name: `${group} renamed` })] };
    },
  },
  "app/console/settings/actions.ts#saveTargetPolicyAction": {
    role: "admin",
    prepare: () => ({ path: "/console/settings", args: [{ seq: 0, values: { allow: "", deny: "" }, errors: {} }, formData({ allow: "", deny: `169.254.0.0/16\n198.51.100.${Math.floor(Math.random() * 250)}` })] }),
  },
  "app/console/maintenance/actions.ts#scheduleMaintenanceAction": {
    prepare: () => ({ path: "/console/maintenance", args: [prev, formData({ service: "teams", title: `Matrix action maintenance ${Math.random()}`, message: "Matrix.",
      scheduledFor: localUtc(Date.now() + 86_400_000), scheduledUntil: localUtc(Date.now() + 90_000_000), remindBeforeMinutes: "60" })] }),
  },
  "app/console/maintenance/actions.ts#rescheduleMaintenanceAction": {
    prepare: () => ({ path: `/console/maintenance/${ctx.maintenanceId}`, args: [ctx.maintenanceId, prev, formData({ scheduledUntil: localUtc(Date.now() + 2 * 86_400_000 + 7_200_000 + Math.floor(Math.random() * 3_600_000)) })] }),
  },
  "app/console/maintenance/actions.ts#cancelMaintenanceAction": {
    prepare: () => { const id = spareMaintenance(); return { path: `/console/maintenance/${id}`, args: [id, prev, formData({ note: "Matrix cancel." })] }; },
  },
  "app/console/maintenance/actions.ts#postMaintenanceUpdateAction": {
    prepare: () => ({ path: `/console/maintenance/${ctx.maintenanceId}`, args: [ctx.maintenanceId, prev, formData({ status: "scheduled", message: "Matrix action update." })] }),
  },
  "app/console/templates/actions.ts#createTemplateAction": {
    prepare: () => ({ path: "/console/templates/new", args: [prev, formData({ kind: "update", name: `Matrix action template ${Math.random()}`, body: "Matrix." })] }),
  },
  "app/console/templates/actions.ts#updateTemplateAction": {
    prepare: () => ({ path: `/console/templates/${ctx.templateId}`, args: [ctx.templateId, prev, formData({ kind: "incident", name: SENTINEL.template, body: `Edited ${Math.random()}` })] }),
  },
  "app/console/templates/actions.ts#deleteTemplateAction": {
    prepare: () => { const id = insertTemplate(`Matrix template to delete ${Math.random()}`); return { path: `/console/templates/${id}`, args: [formData({ id: String(id) })] }; },
  },
  "app/console/subscribers/actions.ts#createSubscriberAction": {
    role: "admin", prepare: () => ({ path: "/console/subscribers", args: [prev, formData({ channel: "teams", target: `http://127.0.0.1:${ctx.closedPort}/action-${Math.random()}` })] }),
  },
  "app/console/subscribers/actions.ts#removeSubscriberAction": { role: "admin", prepare: () => ({ path: "/console/subscribers", args: [prev, formData({ id: String(insertSubscriber()) })] }) },
  "app/console/subscribers/actions.ts#reactivateSubscriberAction": { role: "admin", prepare: () => ({ path: "/console/subscribers", args: [prev, formData({ id: String(insertSubscriber(true)) })] }) },
  "app/console/settings/page-actions.ts#savePageSettingsAction": {
    role: "admin",
    prepare: () => ({ path: "/console/settings", args: [prev, formData({ name: `Matrix page ${Math.random()}`, accentColor: "", supportUrl: "", timeZone: "", announcement: "", footerLinks: "" })] }),
  },
  "app/console/settings/page-actions.ts#uploadLogoAction": {
    role: "admin",
    prepare: () => { const fd = new FormData(); fd.append("logo", tinyPng(), "logo.png"); return { path: "/console/settings", args: [prev, fd] }; },
  },
  // Each caller tries to remove a logo that is there.
  "app/console/settings/page-actions.ts#removeLogoAction": { role: "admin", prepare: () => { insertLogo(); return { path: "/console/settings", args: [formData({})] }; } },
  "app/console/tokens/actions.ts#createTokenAction": { prepare: () => ({ path: "/console/tokens", args: [{}, formData({ name: "made by the matrix" })] }) },
  // Each caller tries to revoke a fresh token: its own when it has an account, else a responder's.
  "app/console/tokens/actions.ts#revokeTokenAction": { prepare: (who) => ({ path: "/console/tokens", args: [{}, formData({ id: String(insertToken(actingUser(who).id, "to revoke")) })] }) },
};

// Anonymous by design: first-run setup (only while nobody has an account) and the one-time links.
// Every caller gets the same answer; only a valid token (or an empty install) makes an account.
type PublicAction = { path: (token: string) => string; args: (token: string) => unknown[]; refusal: RegExp; link?: "invite" | "reset" };
const passwords = { password: "matrix-new-password", confirm: "matrix-new-password" };
const PUBLIC_ACTIONS: Record<string, PublicAction> = {
  "app/setup/actions.ts#setupAction": { path: () => "/setup", args: () => [prev, formData({ name: "Intruder", email: "intruder@herald.test", ...passwords })], refusal: /already set up/ },
  "app/invite/[token]/actions.ts#acceptInviteAction": {
    link: "invite", path: (t) => `/invite/${t}`, args: (t) => [t, prev, formData({ name: "Invitee", ...passwords })], refusal: /not valid/,
  },
  "app/reset/[token]/actions.ts#resetPasswordAction": { link: "reset", path: (t) => `/reset/${t}`, args: (t) => [t, prev, formData(passwords)], refusal: /not valid/ },
};
const accounts = () => withDb(ctx.app, (db) => JSON.stringify([db.prepare("SELECT * FROM users ORDER BY id").all(), db.prepare("SELECT * FROM account_links ORDER BY id").all()]));

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
  ctx = { app, closedPort, users: { ...ids, gone }, incidentId: "", resolvedId: "", monitorId: 0, updateIds: [], spareMonitorIds: [], spareServices: [], spareComponents: [], firstUpdateId: 0, templateId: 0, spareTemplateIds: [], subscriberId: 0, maintenanceId: "", spareMaintenances: [], spareSubscribers: { plain: [], quarantined: [] }, tokens: {} as Ctx["tokens"], sessions: {} as Ctx["sessions"] };
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
  ctx.resolvedId = String((await api("/api/v1/incidents", { service: "teams", title: "Matrix resolved incident", message: "Done.", status: "resolved", skipX: true })).id);
  const adminPost = await request.post(`${app.url}/api/v1/subscribers`, {
    headers: { authorization: `Bearer ${ctx.tokens.admin}` }, data: { channel: "webhook", target: `http://127.0.0.1:${closedPort}/${SENTINEL.subscriber}` },
  });
  expect(adminPost.status(), await adminPost.text()).toBe(201);
  ctx.subscriberId = Number(((await adminPost.json()) as { id: number }).id);
  ctx.monitorId = Number((await api("/api/v1/monitors", { name: SENTINEL.monitor, host: "127.0.0.1", port: closedPort, service: "teams" })).id);
  for (let i = 0; i < 2 * IDENTITIES.length + 1; i++) {
    const r = await api(`/api/v1/incidents/${ctx.incidentId}/updates`, { status: "investigating", message: `Spare update ${i}.`, skipX: true });
    ctx.updateIds.push(r.update?.id ?? 0);
  }
  for (let i = 0; i < IDENTITIES.length; i++) ctx.spareMonitorIds.push(insertMonitor(`Spare monitor ${i}`));
  // A hidden service of the matrix's own, so the public page never shows the sentinel.
  const admin = await request.post(`${app.url}/api/v1/services`, { headers: { authorization: `Bearer ${ctx.tokens.admin}` },
    data: { name: SENTINEL.service, slug: "matrix-sentinel", idPrefix: "SENT", components: [{ name: "Matrix part", slug: "matrix-part" }] } });
  expect(admin.status(), await admin.text()).toBe(201);
  expect((await request.patch(`${app.url}/api/v1/services/matrix-sentinel`, { headers: { authorization: `Bearer ${ctx.tokens.admin}` }, data: { hidden: true } })).status()).toBe(200);
  for (let i = 0; i < IDENTITIES.length; i++) { ctx.spareServices.push(insertService()); ctx.spareComponents.push(insertComponent()); }
  ctx.firstUpdateId = withDb(app, (db) => db.prepare("SELECT min(id) FROM incident_updates WHERE incident_id = ?").pluck().get(ctx.incidentId) as number);
  ctx.templateId = Number((await api("/api/v1/templates", { kind: "incident", name: SENTINEL.template, body: "Sentinel template." })).id);
  for (let i = 0; i < IDENTITIES.length; i++) ctx.spareTemplateIds.push(insertTemplate(`Spare template ${i}`));
  for (let i = 0; i < IDENTITIES.length; i++) {
    ctx.spareSubscribers.plain.push(insertSubscriber());
    ctx.spareSubscribers.quarantined.push(insertSubscriber(true));
  }
  ctx.maintenanceId = String((await api("/api/v1/maintenances", maintenanceBody(SENTINEL.maintenance))).id);
  for (let i = 0; i < IDENTITIES.length; i++) ctx.spareMaintenances.push(String((await api("/api/v1/maintenances", maintenanceBody(`Spare maintenance ${i}`))).id));
  insertNotice();
  insertDeadDelivery(); // so the deliveries page has a row to show
});
test.afterAll(async () => { await ctx?.app.stop(); });

test("every console page, API route and server action on disk has a matrix entry (and no entry is stale)", () => {
  const pages = appFiles((n) => /^page\.[jt]sx?$/.test(n)).map(routeOf);
  const routes = appFiles((n) => /^route\.[jt]sx?$/.test(n)).map((f) => ({ route: routeOf(f), methods: routeMethods(f) }));
  const missing: string[] = [];
  for (const p of pages) if (!PAGES[p] && !PUBLIC_PAGES.includes(p)) missing.push(`page ${p}`);
  const isApi = (route: string) => route.startsWith("/api/v1") || route.startsWith("/api/graph/");
  const apiOnDisk = routes.filter((r) => isApi(r.route)).flatMap((r) => r.methods.map((m) => `${m} ${r.route}`));
  for (const r of apiOnDisk) if (!API[r]) missing.push(`route ${r}`);
  for (const r of routes) if (!isApi(r.route) && !PUBLIC_ROUTES.includes(r.route) && !CONSOLE_ROUTES[r.route]) missing.push(`route ${r.route} (not /api/v1 and not listed as public)`);
  const actions = serverActions();
  for (const a of actions) if (!ACTIONS[a] && !PUBLIC_ACTIONS[a]) missing.push(`server action ${a}`);
  const ids = actionIds();
  for (const a of actions) if ((ACTIONS[a] || PUBLIC_ACTIONS[a]) && !ids.has(a)) missing.push(`server action ${a} is not in this build's manifest (rebuild?)`);
  expect(missing, "add these to the matrix with what each caller should get").toEqual([]);
  const stale = [
    ...Object.keys(PAGES).filter((p) => !pages.includes(p)), ...Object.keys(API).filter((r) => !apiOnDisk.includes(r)),
    ...Object.keys(CONSOLE_ROUTES).filter((r) => !routes.some((d) => d.route === r)),
    ...Object.keys(ACTIONS).filter((a) => !actions.includes(a)), ...Object.keys(PUBLIC_ACTIONS).filter((a) => !actions.includes(a)),
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

test("console routes × callers: the session (never a bearer token) and the role decide", async () => {
  const failures: string[] = [];
  for (const [route, entry] of Object.entries(CONSOLE_ROUTES)) {
    for (const who of IDENTITIES) {
      const before = dbFingerprint(ctx.app);
      const res = await fetch(ctx.app.url + entry.path(), { redirect: "manual", headers: credentials(who, "console") });
      const text = await res.text();
      const where = `${route} as ${who}: ${res.status}`;
      if (allowed(who, entry.role)) {
        if (res.status !== 200 || !text.includes(entry.sees)) failures.push(`${where} (expected 200 showing "${entry.sees}")`);
      } else {
        const expected = who === "responder" ? 403 : 401;
        if (res.status !== expected || leaks(text).length) failures.push(`${where} (expected ${expected}) ${text.slice(0, 200)}`);
      }
      if (dbFingerprint(ctx.app) !== before) failures.push(`${where} wrote to the database`);
    }
  }
  expect(failures).toEqual([]);
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
  test.setTimeout(300_000); // ~30 actions × 8 callers, each rendering a page on a shared 2-core machine
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
      await entry.after?.(who);
      const where = `${key} as ${who}: ${res.status} redirect=${res.redirect ?? "-"}`;
      if (allowed(who, entry.role)) {
        // Changing one's password ends in a redirect to sign in again, with a note saying so.
        const signedOut = res.redirect?.startsWith("/console/signin") && res.redirect.split(";")[0] !== "/console/signin?done=password";
        if (res.status !== 200 || signedOut || after === before) failures.push(`${where} (expected it to write)`);
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

test("first-run and link pages: /setup is gone once anyone has an account; a bad link explains itself", async () => {
  const failures: string[] = [];
  for (const who of IDENTITIES) {
    const before = accounts();
    const setup = await fetch(`${ctx.app.url}/setup`, { redirect: "manual", headers: credentials(who, "console") });
    if (setup.status !== 404) failures.push(`/setup as ${who}: ${setup.status} (expected 404)`);
    for (const kind of ["invite", "reset"]) {
      const res = await fetch(`${ctx.app.url}/${kind}/not-a-real-token-${"x".repeat(30)}`, { redirect: "manual", headers: credentials(who, "console") });
      const text = await res.text();
      if (res.status !== 200 || !text.includes("This link is not valid") || leaks(text).length) failures.push(`/${kind}/… as ${who}: ${res.status}`);
    }
    if (accounts() !== before) failures.push(`pages as ${who} changed accounts`);
  }
  expect(failures).toEqual([]);
});

test("anonymous server actions × callers: a bad token or a set-up install changes no account; a good token does", async () => {
  const ids = actionIds();
  const failures: string[] = [];
  for (const [key, entry] of Object.entries(PUBLIC_ACTIONS)) {
    const action = ids.get(key);
    if (!action) { failures.push(`${key} missing from the build`); continue; }
    if (entry.link) { // the holder of a real link, signed in or not, is let through once
      const token = insertLink(entry.link, `holder-${entry.link}@herald.test`, entry.link === "reset" ? spareUser().id : null);
      const before = accounts();
      const res = await callAction(ctx.app, action.id, entry.path(token), entry.args(token));
      if (!res.redirect?.startsWith(`/console/signin?done=${entry.link}`) || accounts() === before) failures.push(`${key} with a good token: ${res.status} ${res.redirect}`);
    }
    for (const who of IDENTITIES) {
      const before = accounts();
      const token = `bogus-${who}-${"y".repeat(30)}`;
      const res = await callAction(ctx.app, action.id, entry.path(token), entry.args(token), credentials(who, "console"));
      const refused = entry.refusal.test(res.text) || /Too many attempts/.test(res.text);
      if (!refused || res.redirect || accounts() !== before) failures.push(`${key} as ${who}: ${res.status} redirect=${res.redirect ?? "-"} ${res.text.slice(0, 120)}`);
      if (leaks(res.text).length) failures.push(`${key} as ${who} leaked ${leaks(res.text).join(", ")}`);
    }
  }
  expect(failures).toEqual([]);
});

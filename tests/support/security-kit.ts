import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import Database from "better-sqlite3";
import { encode } from "next-auth/jwt";
import type { AppServer } from "@/tests/support/app-server";

const root = path.resolve(import.meta.dirname, "../..");
const require = createRequire(import.meta.url);
// React's own reply encoder: the exact body a browser sends when it calls a server action.
const { encodeReply } = require("next/dist/compiled/react-server-dom-turbopack/client.node") as {
  encodeReply: (value: unknown[]) => Promise<string | FormData>;
};

export const PASSWORD = "herald-demo-password";
export const SECRET = "test-secret-not-for-production"; // startApp's NEXTAUTH_SECRET

/** `a=b; c=d` from Set-Cookie lines (attributes dropped). */
export const cookieHeader = (setCookies: string[]) => setCookies.map((s) => s.split(";")[0]).join("; ");

export type SignInResult = { status: number; setCookies: string[]; session: string | null; body: string; error: string | null };

/** Sign in over HTTP exactly as next-auth's client does: fetch a CSRF token, then post the form. */
export async function httpSignIn(app: Pick<AppServer, "url">, email: string, password: string, opts: { headers?: Record<string, string>; csrf?: boolean } = {}): Promise<SignInResult> {
  const c = await fetch(`${app.url}/api/auth/csrf`, { headers: opts.headers });
  const { csrfToken } = (await c.json()) as { csrfToken: string };
  const form = new URLSearchParams({ email, password, json: "true", callbackUrl: `${app.url}/console` });
  if (opts.csrf !== false) form.set("csrfToken", csrfToken);
  const res = await fetch(`${app.url}/api/auth/callback/credentials`, {
    method: "POST", redirect: "manual", body: form,
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(c.headers.getSetCookie()), ...opts.headers },
  });
  const setCookies = res.headers.getSetCookie();
  const body = await res.text();
  const session = setCookies.map((s) => s.split(";")[0] ?? "").find((s) => /session-token=./.test(s)) ?? null;
  let error: string | null = null;
  try { error = new URL((JSON.parse(body) as { url: string }).url).searchParams.get("error"); } catch { error = null; }
  return { status: res.status, setCookies, session, body, error };
}

/** A session cookie signed with the app's secret, e.g. one whose `exp` is already past. */
export async function mintSession(user: { id: number; email: string; name: string }, maxAgeSeconds: number): Promise<string> {
  const jwt = await encode({ token: { sub: String(user.id), uid: String(user.id), email: user.email, name: user.name }, secret: SECRET, maxAge: maxAgeSeconds });
  return `next-auth.session-token=${jwt}`;
}

type ManifestEntry = { filename: string; exportedName: string; workers: Record<string, unknown> };

/** Server action ids of the build under test, by "file#export". */
export function actionIds(): Map<string, { id: string; pages: string[] }> {
  const file = path.join(root, process.env.NEXT_DIST_DIR || ".next", "server/server-reference-manifest.json");
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as { node: Record<string, ManifestEntry> };
  return new Map(Object.entries(manifest.node).map(([id, e]) => [`${e.filename}#${e.exportedName}`, { id, pages: Object.keys(e.workers) }]));
}

export type ActionResponse = { status: number; redirect: string | null; text: string };

/** Call a server action over HTTP as the browser does: POST to its page with Next-Action. */
export async function callAction(app: Pick<AppServer, "url">, actionId: string, pagePath: string, args: unknown[], headers: Record<string, string> = {}): Promise<ActionResponse> {
  const res = await fetch(`${app.url}${pagePath}`, {
    method: "POST", redirect: "manual", body: await encodeReply(args),
    headers: { "next-action": actionId, accept: "text/x-component", origin: app.url, ...headers },
  });
  return { status: res.status, redirect: res.headers.get("x-action-redirect"), text: await res.text() };
}

export const formData = (fields: Record<string, string | string[]>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) fd.append(k, one);
  return fd;
};

/** Run SQL against the app's database file from the test (setup and inspection only). */
export function withDb<T>(app: Pick<AppServer, "dbPath">, fn: (db: Database.Database) => T): T {
  const db = new Database(app.dbPath);
  db.pragma("busy_timeout = 5000");
  try { return fn(db); } finally { db.close(); }
}

// A token's use is stamped at most once a minute (lib/auth/authenticate-token.ts), refused or not:
// bookkeeping, not a write the caller made, so a long matrix run does not trip on it.
const VOLATILE = new Set(["api_tokens.last_used_at"]);

/** A digest of every row of every table (but job leases): equal digests mean nothing was written. */
export function dbFingerprint(app: Pick<AppServer, "dbPath">): string {
  return withDb(app, (db) => {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('leases', '__drizzle_migrations') ORDER BY name").pluck().all() as string[];
    const h = createHash("sha256");
    for (const t of tables) {
      const cols = (db.prepare(`SELECT name FROM pragma_table_info('${t}')`).pluck().all() as string[]).filter((c) => !VOLATILE.has(`${t}.${c}`));
      h.update(`${t}\n${JSON.stringify(db.prepare(`SELECT ${cols.map((c) => `"${c}"`).join(", ")} FROM "${t}" ORDER BY rowid`).raw().all())}\n`);
    }
    return h.digest("hex");
  });
}

/** Route path of an app/ file: route groups dropped, `page.tsx`/`route.ts` removed. */
export function routeOf(file: string): string {
  const parts = path.relative(path.join(root, "app"), file).split(path.sep).slice(0, -1).filter((p) => !/^\(.*\)$/.test(p));
  return `/${parts.join("/")}`;
}

/** Every file under app/ (or another top-level folder) whose name passes `test`. */
export function appFiles(test: (name: string) => boolean, top = "app"): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (test(e.name)) out.push(full);
    }
  };
  walk(path.join(root, top));
  return out.sort();
}

/** HTTP methods a route.ts exports (`export const GET`, `export async function POST`, `export { h as GET }`). */
export function routeMethods(file: string): string[] {
  const src = fs.readFileSync(file, "utf8");
  const found = new Set<string>();
  for (const m of src.matchAll(/export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g)) found.add(m[1] ?? "");
  for (const m of src.matchAll(/export\s*\{([^}]*)\}/g)) for (const n of (m[1] ?? "").matchAll(/\bas\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g)) found.add(n[1] ?? "");
  return [...found].sort();
}

/**
 * Server functions: `file#name` for each export of a "use server" file in app/, components/ or
 * lib/, plus `file#(inline)` for a file that declares one inside a function (each needs an entry).
 */
export function serverActions(): string[] {
  const out: string[] = [];
  const files = ["app", "components", "lib"].flatMap((top) => appFiles((n) => /\.tsx?$/.test(n), top));
  for (const file of files) {
    const src = fs.readFileSync(file, "utf8");
    const rel = path.relative(root, file);
    if (/^\s*["']use server["']/.test(src)) {
      for (const m of src.matchAll(/export\s+(?:async\s+function|const|function)\s+(\w+)/g)) out.push(`${rel}#${m[1]}`);
    } else if (/["']use server["']/.test(src)) out.push(`${rel}#(inline)`);
  }
  return out.sort();
}

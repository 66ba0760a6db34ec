import type { IncomingHttpHeaders } from "node:http";

/** Request body limits in bytes, per kind of endpoint (see docs/security.md). */
export type BodyLimits = { auth: number; api: number; action: number; other: number };

export const DEFAULT_BODY_LIMITS: BodyLimits = { auth: 16 * 1024, api: 1024 * 1024, action: 1024 * 1024, other: 64 * 1024 };

const num = (v: string | undefined, fallback: number) => {
  const n = Number(v);
  return v !== undefined && v !== "" && Number.isInteger(n) && n >= 0 ? n : fallback;
};

export function bodyLimitsFromEnv(env: Record<string, string | undefined> = process.env): BodyLimits {
  const d = DEFAULT_BODY_LIMITS;
  return {
    auth: num(env.HERALD_BODY_LIMIT_AUTH, d.auth),
    api: num(env.HERALD_BODY_LIMIT_API, d.api),
    action: num(env.HERALD_BODY_LIMIT_ACTION, d.action),
    other: num(env.HERALD_BODY_LIMIT_OTHER, d.other),
  };
}

// Anonymous forms that set a password: sign-in, first-run setup, invite and reset links.
const AUTH_PAGES = ["/api/auth", "/console/signin", "/setup", "/invite", "/reset"];

const kind = (path: string, action: boolean, limits: BodyLimits): number => {
  if (AUTH_PAGES.some((p) => path === p || path.startsWith(`${p}/`))) return limits.auth;
  if (path === "/api/v1" || path.startsWith("/api/v1/")) return limits.api;
  if (action || path === "/console" || path.startsWith("/console/")) return limits.action;
  return limits.other;
};

/** The path as a router might see it: dot segments resolved, one level of escapes decoded. */
function readings(url: string): string[] {
  const once = (u: string) => new URL(u.replace(/\\/g, "/").replace(/^\/+/, "/"), "http://x").pathname.replace(/\/{2,}/g, "/");
  try {
    const first = once(url);
    return [first, once(decodeURIComponent(first))];
  } catch {
    return ["/"];
  }
}

/**
 * The most body bytes a request may send. Sign-in is anonymous and tiny; server actions (a
 * `Next-Action` header, or any POST to the console) match Next's own 1 MB action limit. A path
 * that reads two ways (escapes, `..`) gets the smaller limit.
 */
export function bodyLimitFor(url: string | undefined, headers: IncomingHttpHeaders, limits: BodyLimits): number {
  const action = headers["next-action"] !== undefined;
  return Math.min(...readings(url ?? "/").map((p) => kind(p, action, limits)));
}

/** The declared length, or null when the body streams without one (chunked) or is absent. */
export function declaredLength(headers: IncomingHttpHeaders): number | null {
  const v = headers["content-length"];
  if (v === undefined) return null;
  const n = Number(v);
  return Number.isSafeInteger(n) && n >= 0 ? n : Number.POSITIVE_INFINITY;
}

/** Whether a request carries a body at all (Node's parser rejects both headers at once). */
export const hasBody = (headers: IncomingHttpHeaders) => headers["transfer-encoding"] !== undefined || (headers["content-length"] !== undefined && headers["content-length"] !== "0");

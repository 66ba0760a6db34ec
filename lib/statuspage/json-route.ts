import { DomainError, isBusyError, isUnavailableError } from "@/lib/errors";

const HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
  "Access-Control-Allow-Headers": "*",
  "Access-Control-Max-Age": "86400",
};

/** JSON that is also safe inside HTML (<, >, & and line separators escaped). */
export function safeJson(data: unknown): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** A public, CORS-open GET for one /api/v2 document; read fresh from the database each time. */
export function publicJsonRoute(load: () => Promise<unknown>) {
  return async function GET(): Promise<Response> {
    try {
      return new Response(safeJson(await load()), {
        headers: { ...HEADERS, "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=0, must-revalidate" },
      });
    } catch (err) {
      // A refused query (/uptime.json?days=…) says why; the front cache refuses the same before any render.
      if (err instanceof DomainError && err.code === "invalid") return new Response(safeJson({ error: err.message }), { status: 422, headers: { ...HEADERS, "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" } });
      const busy = isBusyError(err) || isUnavailableError(err); // a held lock or an unreachable database server
      if (!busy) console.error("[herald] /api/v2 failed", err);
      return new Response(safeJson({ error: busy ? "Busy; try again shortly" : "Internal error" }), { status: busy ? 503 : 500, headers: { ...HEADERS, "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" } });
    }
  };
}

/** CORS preflight for the public JSON routes. */
export function preflight(): Response {
  return new Response(null, { status: 204, headers: HEADERS });
}

import { NextResponse } from "next/server";
import type { ZodType } from "zod";
import { explainFailure } from "@/lib/failure";
import { clientIp } from "@/lib/http/client-ip";
import { ipKey, type RateWindow } from "@/lib/http/rate-window";

/** Anonymous forms are a few hundred bytes; 16 KB leaves room for every component ticked. */
const MAX_BYTES = 16_384;
const NO_STORE = { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" };
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export type Answer = { status: number; title: string; message: string; json: Record<string, unknown> };
type Values = Record<string, unknown>;

/** An anonymous POST from a form (HTML answer) or a JSON client (JSON answer): bounded, limited per IP, parsed by zod. */
export function publicPost<T>(limiter: RateWindow, reader: (values: Values, req: Request) => unknown, schema: ZodType<T>, verb: (input: T) => Promise<Answer>) {
  return async (req: Request): Promise<Response> => {
    const json = (req.headers.get("content-type") ?? "").toLowerCase().startsWith("application/json");
    const answer = (a: Answer) => json
      ? NextResponse.json(a.json, { status: a.status, headers: NO_STORE })
      : new NextResponse(page(a), { status: a.status, headers: { ...NO_STORE, "Content-Type": "text/html; charset=utf-8" } });
    const fail = (status: number, message: string, fields?: Record<string, string>) =>
      answer({ status, title: "That did not work", message, json: { error: message, ...(fields ? { fields } : {}) } });
    const wait = limiter.take(ipKey(clientIp(req.headers)), Date.now());
    if (wait > 0) {
      const res = fail(429, `Too many requests from your network; try again in ${wait} seconds.`);
      res.headers.set("Retry-After", String(wait));
      return res;
    }
    try {
      if (Number(req.headers.get("content-length") ?? 0) > MAX_BYTES) return fail(413, `Request body is too large (at most ${MAX_BYTES} bytes)`);
      const text = await req.text();
      if (Buffer.byteLength(text) > MAX_BYTES) return fail(413, `Request body is too large (at most ${MAX_BYTES} bytes)`);
      let values: Values;
      if (json) {
        try { values = (JSON.parse(text) ?? {}) as Values; } catch { return fail(400, "The body is not valid JSON"); }
      } else {
        values = {};
        for (const [k, v] of new URLSearchParams(text)) {
          const prev = values[k];
          values[k] = prev === undefined ? v : [...(Array.isArray(prev) ? prev : [prev]), v];
        }
      }
      return answer(await verb(schema.parse(reader(values, req))));
    } catch (err) {
      const f = explainFailure(err);
      if (f) return fail(f.status, f.message, f.fields);
      console.error("[herald] unexpected error in a public form", err);
      return fail(500, "Internal error");
    }
  };
}

/** A plain, script-free page for browsers that posted a form without JavaScript. */
function page(a: Answer): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${esc(a.title)}</title></head>`
    + `<body><main><h1>${esc(a.title)}</h1><p role="status">${esc(a.message)}</p><p><a href="/">Back to the status page</a></p></main></body></html>`;
}

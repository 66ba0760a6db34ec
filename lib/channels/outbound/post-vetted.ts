import http from "node:http";
import https from "node:https";
import net, { type LookupFunction } from "node:net";
import { vetTarget, type Resolve } from "@/lib/certs/vet-target";
import type { TargetPolicy } from "@/lib/certs/target-policy";

/** Only a 2xx within this long counts as delivered (the issue's 10 s). */
export const OUTBOUND_TIMEOUT_MS = 10_000;
// We read a little of the answer for the console's error text, never the whole of it.
const MAX_ANSWER_BYTES = 4096;

export type PostResult = { ok: true; status: number } | { ok: false; error: string; status?: number };
export type PostOptions = { headers?: Record<string, string>; timeoutMs?: number; policy?: TargetPolicy; resolve?: Resolve };

/** A lookup that answers every name with the one address we vetted, so DNS cannot rebind. */
export function pinnedLookup(address: string): LookupFunction {
  const family = net.isIPv6(address) ? 6 : 4;
  return ((_host: string, opts: { all?: boolean }, cb: (...args: unknown[]) => void) => {
    if (opts?.all) cb(null, [{ address, family }]);
    else cb(null, address, family);
  }) as LookupFunction;
}

/** Why `target` cannot be an outbound URL (http or https only, no credentials); null when fine. */
export function outboundUrlProblem(target: string): string | null {
  let url: URL;
  try { url = new URL(target); } catch { return "The target must be an absolute http(s) URL"; }
  if (url.protocol !== "http:" && url.protocol !== "https:") return "The target must be an http or https URL";
  if (url.username || url.password) return "The target URL must not carry a user name or password";
  if (!url.hostname) return "The target URL needs a host";
  return null;
}

function postOnce(url: URL, address: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<PostResult> {
  const lib = url.protocol === "https:" ? https : http;
  return new Promise((resolve) => {
    const req = lib.request(url, {
      method: "POST", lookup: pinnedLookup(address), agent: false, timeout: timeoutMs,
      headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)), "user-agent": "Herald", ...headers },
    }, (res) => {
      const status = res.statusCode ?? 0;
      let seen = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => { if (seen.length < MAX_ANSWER_BYTES) seen += chunk; else res.destroy(); });
      const done = () => {
        clearTimeout(deadline);
        if (status >= 200 && status < 300) return resolve({ ok: true, status });
        const why = status >= 300 && status < 400 ? `a redirect to ${res.headers.location ?? "?"} (not followed)` : seen.trim().slice(0, 200);
        resolve({ ok: false, status, error: `HTTP ${status}${why ? `: ${why}` : ""}` });
      };
      res.on("end", done);
      res.on("close", done);
    });
    // The whole exchange, not only idle time, must fit in the deadline.
    const deadline = setTimeout(() => req.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
    req.on("timeout", () => req.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)));
    req.on("error", (err: NodeJS.ErrnoException) => { clearTimeout(deadline); resolve({ ok: false, error: err.code ? `${err.code}: ${err.message}` : err.message }); });
    req.end(body);
  });
}

/**
 * POST a JSON body to an outbound target under the monitors' target policy: resolve the host,
 * vet EVERY address, then connect only to a vetted address (pinned lookup); never follow a
 * redirect. The next vetted address is tried only when one refuses the connection.
 */
export async function postVetted(target: string, body: string, opts: PostOptions = {}): Promise<PostResult> {
  const problem = outboundUrlProblem(target);
  if (problem) return { ok: false, error: problem };
  const url = new URL(target);
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  const vetted = await vetTarget(host, { policy: opts.policy, resolve: opts.resolve });
  if (!vetted.ok) return { ok: false, error: vetted.message.replace(/^Monitor target/, "Target") };
  let result: PostResult = { ok: false, error: `The name ${host} could not be resolved` };
  for (const address of vetted.addresses) {
    result = await postOnce(url, address, body, opts.headers ?? {}, opts.timeoutMs ?? OUTBOUND_TIMEOUT_MS);
    if (result.ok || !result.error.startsWith("ECONNREFUSED")) return result;
  }
  return result;
}

import { createHash } from "node:crypto";
import { nonceOf } from "@/lib/security/headers";

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const attr = (attrs: string, name: string) => new RegExp(`(?:^|\\s)${name}(?:\\s*=\\s*("[^"]*"|'[^']*'|[^\\s>]+))?`, "i").exec(attrs);

/**
 * sha256 (base64) of every inline script in `html` that carries `nonce`: the scripts Next itself
 * emitted for this render. A script without the render's nonce (say, markup smuggled into the
 * page) is left out, so the cached policy refuses it exactly as the nonce policy would have.
 */
export function inlineScriptHashes(html: string, nonce: string): string[] {
  const hashes = new Set<string>();
  for (const [, attrs = "", body = ""] of html.matchAll(SCRIPT)) {
    if (attr(attrs, "src")) continue;
    const n = attr(attrs, "nonce")?.[1]?.replace(/^["']|["']$/g, "");
    if (n !== nonce) continue;
    hashes.add(createHash("sha256").update(body, "utf8").digest("base64"));
  }
  return [...hashes];
}

/**
 * A cached page is one HTML for every reader, so a per-request nonce cannot protect it: swap the
 * render's nonce for the hashes of its own inline scripts, keep same-origin script files
 * ('self'; no 'strict-dynamic', which would disable 'self'). Null when the policy has no nonce.
 */
export function pinScripts(html: string, csp: string): string | null {
  const nonce = nonceOf(csp);
  if (!nonce) return null;
  const sources = ["'self'", ...inlineScriptHashes(html, nonce).map((h) => `'sha256-${h}'`)].join(" ");
  return csp.split(/;\s*/).map((d) => (/^script-src\s/i.test(d) ? `script-src ${sources}` : d)).join("; ");
}

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

/** Set by server.ts from the TCP socket (any client-sent value is overwritten). */
export const PEER_HEADER = "x-herald-peer";

/**
 * The caller's address. By default the socket peer, which a client cannot forge. Behind a
 * reverse proxy set HERALD_TRUST_PROXY to its hop count (usually 1): the address is then the
 * one that many hops from the right of X-Forwarded-For (what our own proxy saw), else X-Real-IP.
 */
export function clientIp(headers: HeaderBag, trustProxy = process.env.HERALD_TRUST_PROXY): string | null {
  const get = (name: string): string | undefined => {
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const v = headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const peer = get(PEER_HEADER) || null;
  const hops = trustProxy === "true" ? 1 : Number(trustProxy ?? 0);
  // Without server.ts (plain `next start`) there is no peer; forwarded headers are all there is.
  if (peer && !(Number.isInteger(hops) && hops > 0)) return peer;
  const chain = (get("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  return chain[Math.max(0, chain.length - Math.max(1, hops))] || get("x-real-ip")?.trim() || peer;
}

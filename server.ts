import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import path from "node:path";
import { openAssetStore } from "@/lib/assets/asset-store";
import { ENHANCE_JS, ENHANCE_PATH } from "@/lib/assets/enhance-script";
import { assetHandler } from "@/lib/assets/serve-asset";
import { createFrontHandler } from "@/lib/front-cache/front-handler";
import { openDbWatch, prepareDbWatch } from "@/lib/front-cache/open-db-watch";
import { FrontCache } from "@/lib/front-cache/store";
import { PEER_HEADER } from "@/lib/http/client-ip";
import { baseSecurityHeaders, NON_HTML_CSP, servedOverHttps } from "@/lib/security/headers";
import { serverLimitsFromEnv } from "@/lib/server/server-limits";
import { startRenderer } from "@/lib/server/start-renderer";
import { toRenderer } from "@/lib/server/to-renderer";

// Production entry (`npm start`). This thread answers readers from the front cache; Next renders
// in a worker thread (lib/server/next-worker.ts) and everything uncached is proxied to it, within
// the body, time and in-flight bounds of docs/security.md. A renderer that dies is restarted.
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? "0.0.0.0";
prepareDbWatch(process.env.DATABASE_URL); // a fresh install has no file yet
const renderer = await startRenderer(hostname, port);
const limits = serverLimitsFromEnv();
const cache = new FrontCache(Number(process.env.HERALD_FRONT_CACHE_ENTRIES ?? 1_000), Number(process.env.HERALD_FRONT_CACHE_MB ?? 32) * 1024 * 1024);
const publicHost = process.env.NEXTAUTH_URL ? new URL(process.env.NEXTAUTH_URL).host : `localhost:${port}`;
const off = process.env.HERALD_FRONT_CACHE === "off";
// Every file a page loads is answered from memory here; /_next/static never reaches the renderer.
const assets = assetHandler(openAssetStore({
  staticDir: path.join(process.env.NEXT_DIST_DIR || ".next", "static"), publicDir: "public",
  extra: [{ path: ENHANCE_PATH, body: ENHANCE_JS, contentType: "text/javascript; charset=utf-8" }],
}));
// Commits by other processes (a second instance, CLI scripts) arrive through the SQLite file itself,
// or on PostgreSQL by LISTEN/NOTIFY; while that link is down, /api/health answers degraded.
const watch = openDbWatch(process.env.DATABASE_URL, () => cache.invalidate());
const toNext = toRenderer(() => renderer.port, limits, () => watch.listening);
const front = createFrontHandler({ cache, next: toNext, lookup: watch.lookup, target: { get port() { return renderer.port; }, secret: randomBytes(16).toString("hex"), host: publicHost } });

// The renderer's own commits arrive at once; monitor checks change nothing public. The pages
// readers are on re-render right away, so the next reader finds them fresh.
renderer.onCommitted((change) => {
  if (change.kind === "monitor") return;
  watch.committed(change);
  // An incident's own updates and deliveries touch no other incident's page (components announce themselves).
  cache.invalidate(Date.now(), change.kind === "incident" || change.kind === "delivery" ? change.id : undefined);
  void front.refreshHot();
});

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => void renderer.shutdown().then(() => process.exit(signal === "SIGTERM" ? 0 : 130)));
}

const server = createServer({
  headersTimeout: limits.headersTimeoutMs, requestTimeout: limits.requestTimeoutMs,
  connectionsCheckingInterval: 1_000, // the two timeouts above are enforced to the second
}, (req, res) => {
  // The socket's address, for per-IP sign-in limits; a client-sent value never survives.
  req.headers[PEER_HEADER] = (req.socket.remoteAddress ?? "").replace(/^::ffff:/, "");
  if (assets(req, res)) return;
  (off ? toNext : front.handle)(req, res).catch((err: unknown) => {
    console.error("[herald] request failed", err);
    const headers = { ...baseSecurityHeaders(servedOverHttps(req.headers)), "content-security-policy": NON_HTML_CSP };
    if (!res.headersSent) res.writeHead(500, headers).end("Internal error");
  });
});
server.listen(port, hostname, () => console.log(`Herald listening on http://${hostname}:${port}`));

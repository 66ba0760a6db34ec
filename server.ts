import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import next from "next";
import { databasePath } from "@/db/open";
import { onCommitted } from "@/lib/events/after-commit";
import { watchDatabase } from "@/lib/front-cache/change-watch";
import { createFrontHandler } from "@/lib/front-cache/front-handler";
import { FrontCache } from "@/lib/front-cache/store";
import { PEER_HEADER } from "@/lib/http/client-ip";
import { baseSecurityHeaders, NON_HTML_CSP, servedOverHttps } from "@/lib/security/headers";

// Production entry (`npm start`): Next behind an in-process cache of the public surface.
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? "0.0.0.0";
const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();

await app.prepare();
const cache = new FrontCache();
const publicHost = process.env.NEXTAUTH_URL ? new URL(process.env.NEXTAUTH_URL).host : `localhost:${port}`;
const off = process.env.HERALD_FRONT_CACHE === "off";
const front = createFrontHandler({ cache, next: handle, target: { port, secret: randomBytes(16).toString("hex"), host: publicHost } });

// Commits by other processes (a second instance, CLI scripts) arrive through the file itself.
const watch = watchDatabase(databasePath(), () => cache.invalidate());
// Our own commits arrive at once; monitor checks change nothing public. The writer's response
// waits for the re-render of the pages readers are on, so whoever reads after it sees the change.
onCommitted("front-cache", (change) => {
  if (change.kind === "monitor") return;
  watch.sync();
  cache.invalidate();
  return front.refreshHot();
});

createServer((req, res) => {
  // The socket's address, for per-IP sign-in limits; a client-sent value never survives.
  req.headers[PEER_HEADER] = (req.socket.remoteAddress ?? "").replace(/^::ffff:/, "");
  (off ? handle : front.handle)(req, res).catch((err: unknown) => {
    console.error("[herald] request failed", err);
    const headers = { ...baseSecurityHeaders(servedOverHttps(req.headers)), "content-security-policy": NON_HTML_CSP };
    if (!res.headersSent) res.writeHead(500, headers).end("Internal error");
  });
}).listen(port, hostname, () => console.log(`Herald listening on http://${hostname}:${port}`));

import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import next from "next";
import { databasePath } from "@/db/open";
import { onCommitted } from "@/lib/events/after-commit";
import { watchDatabase } from "@/lib/front-cache/change-watch";
import { createFrontHandler } from "@/lib/front-cache/front-handler";
import { FrontCache } from "@/lib/front-cache/store";

// Production entry (`npm start`): Next behind an in-process cache of the public surface.
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? "0.0.0.0";
const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();

await app.prepare();
const cache = new FrontCache();
const publicHost = process.env.NEXTAUTH_URL ? new URL(process.env.NEXTAUTH_URL).host : `localhost:${port}`;
const front = process.env.HERALD_FRONT_CACHE === "off"
  ? handle
  : createFrontHandler({ cache, next: handle, target: { port, secret: randomBytes(16).toString("hex"), host: publicHost } });

onCommitted("front-cache", () => cache.invalidate());
// Commits by other processes (a second instance, CLI scripts) arrive through the file itself.
watchDatabase(databasePath(), () => cache.invalidate());

createServer((req, res) => {
  front(req, res).catch((err: unknown) => {
    console.error("[herald] request failed", err);
    if (!res.headersSent) res.writeHead(500).end("Internal error");
  });
}).listen(port, hostname, () => console.log(`Herald listening on http://${hostname}:${port}`));

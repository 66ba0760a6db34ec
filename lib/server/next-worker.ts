import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { parentPort, workerData } from "node:worker_threads";
import next from "next";
import { onCommitted } from "@/lib/events/after-commit";
import { startCpuProfile } from "@/lib/server/cpu-profile";
import { baseSecurityHeaders, NON_HTML_CSP, servedOverHttps } from "@/lib/security/headers";

/**
 * The renderer: Next (pages, API, server actions, the background loop) in its own thread on a
 * loopback port. The main thread serves cached public pages, so a render never stalls a reader.
 */
const { hostname, port } = workerData as { hostname: string; port: number };
const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();
const stopProfile = await startCpuProfile();
// Committed changes reach the front cache in the main thread at once.
onCommitted("front-cache-bridge", (change) => { parentPort?.postMessage({ type: "committed", change }); });
const server = createServer((req, res) => {
  handle(req, res).catch((err: unknown) => {
    console.error("[herald] request failed", err);
    const headers = { ...baseSecurityHeaders(servedOverHttps(req.headers)), "content-security-policy": NON_HTML_CSP };
    if (!res.headersSent) res.writeHead(500, headers).end("Internal error");
  });
});
server.keepAliveTimeout = 65_000; // outlive the main thread's pooled connections
parentPort?.on("message", async (m: { type: string }) => {
  if (m.type !== "shutdown") return;
  await (globalThis as unknown as { heraldStopBackground?: () => Promise<void> }).heraldStopBackground?.();
  await stopProfile();
  parentPort?.postMessage({ type: "stopped" });
});
server.listen(0, "127.0.0.1", () => parentPort?.postMessage({ type: "ready", port: (server.address() as AddressInfo).port }));

import http from "node:http";
import type { AddressInfo } from "node:net";
import { createFrontHandler, type FrontOptions } from "@/lib/front-cache/front-handler";

/** Incidents whose IDs start with TM exist; there is no history past the first page. */
export const TM_LOOKUP: FrontOptions["lookup"] = { incidentExists: (id) => id.startsWith("TM"), historyCursor: () => null };

/**
 * A real HTTP server on 127.0.0.1 with the real front handler before a stand-in "Next"
 * (`upstream`), which also answers the handler's own render requests (they carry its secret).
 */
export async function startFrontServer(upstream: FrontOptions["next"], options: Omit<FrontOptions, "next" | "target" | "lookup"> & { lookup?: FrontOptions["lookup"] }) {
  let handle: FrontOptions["next"] = upstream;
  const server = http.createServer((req, res) => void handle(req, res));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  const front = createFrontHandler({ lookup: TM_LOOKUP, ...options, next: upstream, target: { port, secret: "s3cret", host: "status.test" } });
  handle = front.handle;
  return { base: `http://127.0.0.1:${port}`, front, close: () => { server.closeAllConnections(); server.close(); } };
}

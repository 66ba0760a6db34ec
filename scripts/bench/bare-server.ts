import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Captured } from "@/scripts/bench/capture";

// The baseline, in its own process: a bare node:http server answering each captured path with
// Herald's very status, headers and bytes for the same Accept-Encoding. Stops when stdin closes.
const captured = JSON.parse(fs.readFileSync(process.argv[2] ?? "", "utf8")) as Captured[];
const key = (path: string, ae: string) => `${ae}\n${path}`;
const table = new Map(captured.map((c) => {
  const body = Buffer.from(c.body, "base64");
  return [key(c.path, c.acceptEncoding), { status: c.status, headers: { ...c.headers, "content-length": String(body.length) }, body }];
}));
const server = http.createServer((req, res) => {
  const hit = table.get(key(req.url ?? "/", String(req.headers["accept-encoding"] ?? "")));
  if (!hit) return void res.writeHead(404, { "content-length": "0" }).end();
  res.writeHead(hit.status, hit.headers);
  res.end(req.method === "HEAD" ? undefined : hit.body);
});
server.listen(0, "127.0.0.1", () => console.log(`port ${(server.address() as AddressInfo).port}`));
process.stdin.resume();
process.stdin.on("end", () => process.exit(0));

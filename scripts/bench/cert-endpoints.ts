import fs from "node:fs";
import { makeTestPki, startTlsServer } from "@/tests/support/tls-fixtures";

// N real TLS endpoints on loopback, each serving a valid leaf + intermediate under a local root.
const [count = "1000", out = ""] = process.argv.slice(2);
const pki = makeTestPki();
const ports: number[] = [];
for (let i = 0; i < Number(count); i++) ports.push((await startTlsServer(pki.valid, [pki.intermediate])).port);
fs.writeFileSync(out, JSON.stringify({ ports, rootPem: pki.root.pem }));
console.log("ready");
process.stdin.resume(); // stay up until the bench closes our stdin
process.stdin.on("end", () => process.exit(0));

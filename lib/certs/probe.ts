import net from "node:net";
import tls from "node:tls";
import { performance } from "node:perf_hooks";
import { remoteText } from "@/lib/certs/remote-text";
import { SmtpError, smtpStartTls } from "@/lib/certs/smtp-starttls";

/** `address`: connect there instead of resolving `host` again (a vetted address; see vet-target.ts). */
export type ProbeTarget = { host: string; address?: string; port: number; servername?: string | null; protocol: "tls" | "smtp-starttls" };

export type ProbeOutcome =
  | { ok: true; certificates: Buffer[]; protocol: string | null; cipher: string | null; servername: string | null; durationMs: number }
  | { ok: false; category: "connection_refused" | "timeout" | "handshake_failure" | "blocked"; message: string; durationMs: number };

type Failure = Omit<Extract<ProbeOutcome, { ok: false }>, "durationMs" | "ok">;

export const defaultTimeoutMs = () => Number(process.env.HERALD_CHECK_TIMEOUT_MS) || 10_000;

/** Node's socket and TLS errors, in our words. */
function failure(err: unknown, where: string): Failure {
  const e = err as NodeJS.ErrnoException;
  if (err instanceof SmtpError) return { category: "handshake_failure", message: err.message };
  switch (e.code) {
    case "ECONNREFUSED": return { category: "connection_refused", message: `${where} refused the connection` };
    case "ENOTFOUND": case "EAI_AGAIN": return { category: "connection_refused", message: `The name in ${where} could not be resolved` };
    case "EHOSTUNREACH": case "ENETUNREACH": return { category: "connection_refused", message: `${where} is unreachable from Herald` };
    case "ETIMEDOUT": return { category: "timeout", message: `Connecting to ${where} timed out` };
    case "ECONNRESET": case "EPIPE": return { category: "handshake_failure", message: `${where} closed the connection during the TLS handshake` };
  }
  if (/wrong version number|packet length too long|unknown protocol/i.test(e.message ?? "")) {
    return { category: "handshake_failure", message: `${where} did not answer with TLS (is this a plaintext port?)` };
  }
  return { category: "handshake_failure", message: `The TLS handshake with ${where} failed (${remoteText(e.message ?? "unknown error", 160)})` };
}

/** The certificates as sent (leaf first, following Node's issuer links), as DER. */
function peerChain(socket: tls.TLSSocket): Buffer[] {
  const out: Buffer[] = [];
  const seen = new Set<string>();
  // getPeerCertificate(true) must come before any getPeerX509Certificate call (see DESIGN.md).
  let cert: tls.DetailedPeerCertificate | undefined = socket.getPeerCertificate(true);
  while (cert?.raw && !seen.has(cert.fingerprint256)) {
    seen.add(cert.fingerprint256);
    out.push(cert.raw);
    cert = cert.issuerCertificate;
  }
  return out;
}

/**
 * Connect (direct TLS or SMTP STARTTLS), never rejecting the certificate: judging it is
 * classify's job, so even a broken chain yields full evidence. One deadline covers it all.
 */
export function probe(target: ProbeTarget, timeoutMs = defaultTimeoutMs()): Promise<ProbeOutcome> {
  const where = `${target.host.includes(":") ? `[${target.host}]` : target.host}:${target.port}`;
  const sni = target.servername || (net.isIP(target.host) ? undefined : target.host);
  const started = performance.now();
  const sockets: net.Socket[] = [];
  return new Promise((resolve) => {
    let done = false;
    const finish = (o: (Failure & { ok: false }) | Omit<Extract<ProbeOutcome, { ok: true }>, "durationMs">) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      sockets.forEach((s) => s.destroy());
      resolve({ ...o, durationMs: Math.round(performance.now() - started) } as ProbeOutcome);
    };
    const timer = setTimeout(() => finish({ ok: false, category: "timeout", message: `No answer from ${where} within ${timeoutMs / 1000} s` }), timeoutMs);
    const fail = (err: unknown) => finish({ ok: false, ...failure(err, where) });
    const startTls = (socket?: net.Socket) => {
      // The TLS socket owns an upgraded socket: destroying the raw one under it crashes Node 20.
      if (socket) sockets.splice(sockets.indexOf(socket), 1);
      const s = tls.connect({
        host: target.address ?? target.host, port: target.port, socket, servername: sni, rejectUnauthorized: false,
        // A probe must see weak and old servers to report them, so it accepts what it can.
        ciphers: "DEFAULT:@SECLEVEL=0", minVersion: "TLSv1",
      });
      sockets.push(s);
      s.on("error", fail);
      s.once("close", () => fail(Object.assign(new Error("closed"), { code: "ECONNRESET" })));
      s.once("secureConnect", () => {
        const cipher = s.getCipher();
        finish({ ok: true, certificates: peerChain(s), protocol: s.getProtocol(), cipher: cipher?.standardName ?? cipher?.name ?? null, servername: sni ?? null });
      });
    };
    if (target.protocol === "tls") return startTls();
    const raw = net.connect({ host: target.address ?? target.host, port: target.port });
    sockets.push(raw);
    raw.on("error", fail);
    raw.once("close", () => fail(new SmtpError(`${where} closed the connection before STARTTLS completed`)));
    smtpStartTls(raw).then(() => { raw.removeAllListeners("close"); startTls(raw); }, fail);
  });
}

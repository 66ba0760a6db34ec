import { generateKeyPairSync, randomBytes } from "node:crypto";
import net from "node:net";
import { performance } from "node:perf_hooks";
import tls from "node:tls";
import forge from "node-forge";

/**
 * Certificates made at test time with node-forge (keys from node:crypto, which is fast) and
 * real node:tls servers on 127.0.0.1 that serve them.
 */
export const DAY = 86_400_000;

export type Keys = { privatePem: string; priv: forge.pki.rsa.PrivateKey; pub: forge.pki.rsa.PublicKey };
export type Issued = { cert: forge.pki.Certificate; pem: string; keys: Keys; serial: string };

const keyCache = new Map<string, Keys>();

/** An RSA key pair; the same `name` gives the same key within a test file. */
export function rsaKeys(name: string, bits = 2048): Keys {
  const id = `${name}:${bits}`;
  const cached = keyCache.get(id);
  if (cached) return cached;
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: bits });
  const privatePem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  const keys: Keys = {
    privatePem,
    priv: forge.pki.privateKeyFromPem(privatePem),
    pub: forge.pki.publicKeyFromPem(publicKey.export({ type: "spki", format: "pem" }).toString()),
  };
  keyCache.set(id, keys);
  return keys;
}

export type CertSpec = {
  cn: string;
  issuer?: Issued; // absent: self-signed
  keys?: Keys;
  ca?: boolean;
  sans?: string[]; // "dns:name" or "ip:1.2.3.4"; a bare name is a DNS name
  notBefore?: number;
  notAfter?: number;
  hash?: "sha256" | "sha1" | "md5";
  serial?: string;
};

/** Issue one certificate (a CA when `ca`), signed by `issuer` or by itself. */
export function issue(spec: CertSpec): Issued {
  const keys = spec.keys ?? rsaKeys(spec.cn);
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.pub;
  const serial = spec.serial ?? "01" + randomBytes(8).toString("hex");
  cert.serialNumber = serial;
  cert.validity.notBefore = new Date(spec.notBefore ?? Date.now() - DAY);
  cert.validity.notAfter = new Date(spec.notAfter ?? Date.now() + 365 * DAY);
  const subject = [{ name: "commonName", value: spec.cn }, { name: "organizationName", value: "Herald Test" }];
  cert.setSubject(subject);
  cert.setIssuer(spec.issuer ? spec.issuer.cert.subject.attributes : subject);
  const extensions: object[] = [{ name: "subjectKeyIdentifier" }];
  if (spec.ca) {
    extensions.push({ name: "basicConstraints", cA: true, critical: true });
    extensions.push({ name: "keyUsage", keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true });
  } else {
    extensions.push({ name: "basicConstraints", cA: false });
    extensions.push({ name: "keyUsage", digitalSignature: true, keyEncipherment: true, critical: true });
    extensions.push({ name: "extKeyUsage", serverAuth: true });
    const sans = spec.sans ?? [spec.cn];
    extensions.push({
      name: "subjectAltName",
      altNames: sans.map((s) => (s.startsWith("ip:") ? { type: 7, ip: s.slice(3) } : { type: 2, value: s.replace(/^dns:/, "") })),
    });
  }
  cert.setExtensions(extensions);
  const signer = spec.issuer?.keys ?? keys;
  const md = spec.hash === "sha1" ? forge.md.sha1.create() : spec.hash === "md5" ? forge.md.md5.create() : forge.md.sha256.create();
  cert.sign(signer.priv, md);
  return { cert, pem: forge.pki.certificateToPem(cert), keys, serial: serial.toUpperCase() };
}

export type Running = { port: number; close(): Promise<void> };
const running = new Set<Running>();

function listen(server: net.Server): Promise<Running> {
  const sockets = new Set<net.Socket>();
  server.on("connection", (s: net.Socket) => { sockets.add(s); s.on("close", () => sockets.delete(s)); });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const addr = server.address();
      const handle: Running = {
        port: typeof addr === "object" && addr ? addr.port : 0,
        close: () => new Promise<void>((r) => {
          running.delete(handle);
          sockets.forEach((s) => s.destroy());
          server.close(() => r());
        }),
      };
      running.add(handle);
      resolve(handle);
    });
  });
}

// Test servers accept weak keys and SHA-1 chains: the point is to serve them to the probe.
const lenient = { ciphers: "DEFAULT:@SECLEVEL=0", minVersion: "TLSv1.2" as const };

const served = (leaf: Issued, chain: Issued[]) => ({ ...lenient, key: leaf.keys.privatePem, cert: [leaf, ...chain].map((c) => c.pem).join("") });

export type TlsServer = Running & { serve(leaf: Issued, chain?: Issued[]): void };

/** A TLS server on 127.0.0.1 serving `leaf` with `chain` (in that order); `serve` swaps them. */
export async function startTlsServer(leaf: Issued, chain: Issued[] = []): Promise<TlsServer> {
  const server = tls.createServer(served(leaf, chain), (s) => {
    s.on("error", () => undefined);
    s.end();
  });
  server.on("tlsClientError", () => undefined);
  const running = await listen(server);
  return { ...running, serve: (l, c = []) => server.setSecureContext(served(l, c)) };
}

/** A tiny SMTP server: 220 banner, EHLO with STARTTLS, then the socket upgrades to TLS. */
export function startSmtpServer(leaf: Issued, chain: Issued[] = [], opts: { offerStarttls?: boolean } = {}): Promise<Running> {
  const context = tls.createSecureContext(served(leaf, chain));
  const server = net.createServer((socket) => {
    socket.on("error", () => undefined);
    socket.write("220 mail.test ESMTP Herald fake\r\n");
    let buf = "";
    const onData = (d: Buffer) => {
      buf += d.toString("latin1");
      let i: number;
      while ((i = buf.indexOf("\r\n")) >= 0) {
        const line = buf.slice(0, i).toUpperCase();
        buf = buf.slice(i + 2);
        if (line.startsWith("EHLO")) socket.write(`250-mail.test greets you\r\n250-SIZE 1000000\r\n${opts.offerStarttls === false ? "" : "250-STARTTLS\r\n"}250 8BITMIME\r\n`);
        else if (line === "STARTTLS" && opts.offerStarttls !== false) {
          socket.off("data", onData);
          socket.write("220 2.0.0 Ready to start TLS\r\n", () => {
            const secure = new tls.TLSSocket(socket, { isServer: true, secureContext: context });
            secure.on("error", () => undefined);
          });
          return;
        } else if (line === "QUIT") socket.end("221 bye\r\n");
        else socket.write("502 5.5.2 Command not recognized\r\n");
      }
    };
    socket.on("data", onData);
  });
  return listen(server);
}

/** Accepts TCP connections and never says a word: the probe must time out. Counts connections. */
export async function startBlackhole(): Promise<Running & { stats: { open: number; maxOpen: number; total: number; acceptedAt: number[] } }> {
  const stats = { open: 0, maxOpen: 0, total: 0, acceptedAt: [] as number[] };
  const server = net.createServer((s) => {
    stats.total++;
    stats.acceptedAt.push(performance.now());
    stats.maxOpen = Math.max(stats.maxOpen, ++stats.open);
    s.on("close", () => stats.open--);
    s.on("error", () => undefined);
    s.resume(); // read (and drop) what arrives, so the client's close is noticed at once
  });
  return { ...(await listen(server)), stats };
}

/** Answers every connection with plain HTTP text, so a TLS handshake cannot succeed. */
export function startPlaintext(): Promise<Running> {
  const server = net.createServer((s) => {
    s.on("error", () => undefined);
    s.once("data", () => s.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n"));
  });
  return listen(server);
}

/** A loopback port nobody listens on (connection refused). */
export async function closedPort(): Promise<number> {
  const probe = await listen(net.createServer());
  await probe.close();
  return probe.port;
}

export async function closeAllServers(): Promise<void> {
  await Promise.all([...running].map((r) => r.close()));
}

/** The local CA hierarchy and every kind of leaf the certificate tests need. */
export function makeTestPki(now = Date.now(), host = "localhost") {
  const sans = [host, "ip:127.0.0.1"];
  const root = issue({ cn: "Herald Test Root", ca: true, notAfter: now + 3650 * DAY });
  const intermediate = issue({ cn: "Herald Test Intermediate", ca: true, issuer: root, notAfter: now + 1825 * DAY });
  const shortIntermediate = issue({ cn: "Herald Short Intermediate", ca: true, issuer: root, keys: rsaKeys("short-int"), notAfter: now + 10 * DAY });
  const otherRoot = issue({ cn: "Untrusted Root", ca: true, keys: rsaKeys("other-root"), notAfter: now + 3650 * DAY });
  // An older root that cross-signs our root's key; expiring soon, like DST Root CA X3 did.
  const legacyRoot = issue({ cn: "Legacy Root", ca: true, keys: rsaKeys("legacy-root"), notAfter: now + 5 * DAY });
  const crossSignedRoot = issue({ cn: "Herald Test Root", ca: true, keys: root.keys, issuer: legacyRoot, notAfter: now + 2 * DAY });
  const leaf = (cn: string, spec: Partial<CertSpec> = {}) =>
    issue({ cn, issuer: intermediate, keys: rsaKeys("leaf"), sans, notAfter: now + 200 * DAY, ...spec });
  return {
    root, intermediate, otherRoot, legacyRoot, crossSignedRoot, shortIntermediate,
    valid: leaf(host),
    expired: leaf(host, { notBefore: now - 400 * DAY, notAfter: now - 2 * DAY }),
    notYetValid: leaf(host, { notBefore: now + 5 * DAY, notAfter: now + 400 * DAY }),
    wrongHost: leaf("other.example.test", { sans: ["other.example.test"] }),
    expiredWrongHost: leaf("other.example.test", { sans: ["other.example.test"], notBefore: now - 400 * DAY, notAfter: now - 1 * DAY }),
    selfSigned: issue({ cn: host, keys: rsaKeys("self"), sans }),
    untrusted: issue({ cn: host, issuer: otherRoot, keys: rsaKeys("leaf"), sans }),
    sha1: leaf(host, { hash: "sha1" }),
    weakKey: leaf(host, { keys: rsaKeys("weak", 1024) }),
    expiringIn3Days: leaf(host, { notAfter: now + 3 * DAY }),
    expiringIn15Days: leaf(host, { notAfter: now + 15 * DAY }),
    underShortIntermediate: issue({ cn: host, issuer: shortIntermediate, keys: rsaKeys("leaf"), sans, notAfter: now + 300 * DAY }),
    renewed: leaf(host, { notAfter: now + 300 * DAY }),
  };
}
export type TestPki = ReturnType<typeof makeTestPki>;

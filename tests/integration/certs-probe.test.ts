import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classify, type CheckOutcome } from "@/lib/certs/classify";
import { probe, type ProbeTarget } from "@/lib/certs/probe";
import { trustAnchors } from "@/lib/certs/trust-store";
import {
  closeAllServers, closedPort, DAY, makeTestPki, startBlackhole, startPlaintext, startSmtpServer, startTlsServer, type TestPki,
} from "@/tests/support/tls-fixtures";

// Real TLS servers on 127.0.0.1 serving certificates made for this run; the local root is
// trusted through caPem, exactly as a monitor with an internal CA bundle would.
let pki: TestPki;
const now = () => Date.now();

async function check(port: number, opts: Partial<ProbeTarget> & { ca?: string | null; warnDays?: number; criticalDays?: number; at?: number } = {}): Promise<CheckOutcome> {
  const outcome = await probe({ host: "127.0.0.1", port, servername: "localhost", protocol: "tls", ...opts }, 1500);
  return classify(outcome, {
    expectedName: opts.servername ?? "localhost", anchors: trustAnchors(opts.ca === undefined ? pki.root.pem : opts.ca),
    now: opts.at ?? now(), warnDays: opts.warnDays ?? 21, criticalDays: opts.criticalDays ?? 7,
  });
}

beforeAll(() => { pki = makeTestPki(); });
afterAll(closeAllServers);

describe("probe and classify against real TLS servers", () => {
  it("a valid leaf with its intermediate is ok, with full evidence", async () => {
    const srv = await startTlsServer(pki.valid, [pki.intermediate]);
    const r = await check(srv.port);
    expect(r.category).toBe("ok");
    expect(r.findings).toEqual(["ok"]);
    expect(r.daysLeft).toBe(199);
    expect(r.serial).toBe(pki.valid.serial);
    expect(r.tls).toMatchObject({ protocol: "TLSv1.3", servername: "localhost", expectedName: "localhost" });
    expect(r.tls?.cipher).toMatch(/^TLS_/);
    expect(r.chain).toHaveLength(3);
    const [leaf, inter, root] = r.chain;
    expect(leaf).toMatchObject({
      subject: "CN=localhost, O=Herald Test", issuer: "CN=Herald Test Intermediate, O=Herald Test",
      sans: ["DNS:localhost", "IP Address:127.0.0.1"], serial: pki.valid.serial, keyType: "rsa", keyBits: 2048,
      signatureAlgorithm: "sha256WithRSAEncryption", inPath: true, trustAnchor: false,
    });
    expect(leaf?.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(leaf?.notAfter).toBe(pki.valid.cert.validity.notAfter.getTime() - (pki.valid.cert.validity.notAfter.getTime() % 1000));
    expect(inter).toMatchObject({ subject: "CN=Herald Test Intermediate, O=Herald Test", inPath: true, trustAnchor: false });
    expect(root).toMatchObject({ subject: "CN=Herald Test Root, O=Herald Test", inPath: true, trustAnchor: true });
  });

  it("without the local CA bundle the same chain is untrusted", async () => {
    const srv = await startTlsServer(pki.valid, [pki.intermediate]);
    expect((await check(srv.port, { ca: null })).category).toBe("incomplete_chain");
    const withRoot = await startTlsServer(pki.valid, [pki.intermediate, pki.root]);
    expect((await check(withRoot.port, { ca: null })).category).toBe("untrusted_root");
  });

  it.each([
    ["expired", () => startTlsServer(pki.expired, [pki.intermediate]), ["expired"]],
    ["not yet valid", () => startTlsServer(pki.notYetValid, [pki.intermediate]), ["not_yet_valid"]],
    ["wrong host", () => startTlsServer(pki.wrongHost, [pki.intermediate]), ["hostname_mismatch"]],
    ["expired and wrong host", () => startTlsServer(pki.expiredWrongHost, [pki.intermediate]), ["expired", "hostname_mismatch"]],
    ["self-signed", () => startTlsServer(pki.selfSigned), ["self_signed"]],
    ["signed by an untrusted root", () => startTlsServer(pki.untrusted, [pki.otherRoot]), ["untrusted_root"]],
    ["served without its intermediate", () => startTlsServer(pki.valid), ["incomplete_chain"]],
    ["SHA-1 signed", () => startTlsServer(pki.sha1, [pki.intermediate]), ["weak_crypto"]],
    ["RSA 1024 key", () => startTlsServer(pki.weakKey, [pki.intermediate]), ["weak_crypto"]],
    ["expiring in 3 days", () => startTlsServer(pki.expiringIn3Days, [pki.intermediate]), ["expiring_critical"]],
    ["expiring in 15 days", () => startTlsServer(pki.expiringIn15Days, [pki.intermediate]), ["expiring_warning"]],
  ] as const)("%s → %j", async (_name, start, findings) => {
    const srv = await start();
    const r = await check(srv.port);
    expect(r.findings).toEqual(findings);
    expect(r.category).toBe(findings[0]);
  });

  it("a SHA-1 certificate shows its signature algorithm in the evidence", async () => {
    const srv = await startTlsServer(pki.sha1, [pki.intermediate]);
    const r = await check(srv.port);
    expect(r.chain[0]?.signatureAlgorithm).toBe("sha1WithRSAEncryption");
    const weak = await check((await startTlsServer(pki.weakKey, [pki.intermediate])).port);
    expect(weak.chain[0]).toMatchObject({ keyType: "rsa", keyBits: 1024 });
  });

  it("counts days left from an intermediate that expires before the leaf", async () => {
    const srv = await startTlsServer(pki.underShortIntermediate, [pki.shortIntermediate]);
    const r = await check(srv.port);
    expect(r.findings).toEqual(["expiring_warning"]);
    expect(r.daysLeft).toBe(9);
    expect(r.validTo).toBe(Math.floor(pki.shortIntermediate.cert.validity.notAfter.getTime() / 1000) * 1000);
    // Once the intermediate has expired the whole chain has, though the leaf is still good.
    const later = await check(srv.port, { at: now() + 11 * DAY });
    expect(later.findings).toEqual(["expired"]);
  });

  it("ignores a cross-signed root sent beyond the trust anchor", async () => {
    const srv = await startTlsServer(pki.valid, [pki.intermediate, pki.crossSignedRoot]);
    const r = await check(srv.port);
    expect(r.category).toBe("ok");
    expect(r.daysLeft).toBe(199); // not the 2 days left on the cross-signed copy
    const cross = r.chain.find((c) => c.issuer.startsWith("CN=Legacy Root"));
    expect(cross).toMatchObject({ inPath: false, trustAnchor: false });
  });

  it("probes one node by IP with a different SNI name", async () => {
    const srv = await startTlsServer(pki.wrongHost, [pki.intermediate]);
    const r = await check(srv.port, { servername: "other.example.test" });
    expect(r.category).toBe("ok");
    expect(r.tls?.servername).toBe("other.example.test");
  });

  it("speaks SMTP STARTTLS before the handshake", async () => {
    const srv = await startSmtpServer(pki.valid, [pki.intermediate]);
    const r = await check(srv.port, { protocol: "smtp-starttls" });
    expect(r.category).toBe("ok");
    expect(r.serial).toBe(pki.valid.serial);
    const expiring = await startSmtpServer(pki.expired, [pki.intermediate]);
    expect((await check(expiring.port, { protocol: "smtp-starttls" })).category).toBe("expired");
    const plain = await startSmtpServer(pki.valid, [pki.intermediate], { offerStarttls: false });
    const r3 = await check(plain.port, { protocol: "smtp-starttls" });
    expect(r3.category).toBe("handshake_failure");
    expect(r3.error).toBe("The SMTP server does not offer STARTTLS");
  });

  it("tells a silent port, a refused port and a plaintext port apart", async () => {
    const hole = await startBlackhole();
    const t0 = Date.now();
    const silent = await check(hole.port);
    expect(silent).toMatchObject({ category: "timeout", findings: ["timeout"], chain: [], daysLeft: null });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1400);
    expect(silent.error).toMatch(/No answer from 127\.0\.0\.1:\d+ within 1\.5 s/);
    const smtpSilent = await check(hole.port, { protocol: "smtp-starttls" });
    expect(smtpSilent.category).toBe("timeout");
    const refused = await check(await closedPort());
    expect(refused).toMatchObject({ category: "connection_refused", findings: ["connection_refused"] });
    expect(refused.error).toMatch(/refused the connection/);
    const plain = await check((await startPlaintext()).port);
    expect(plain.category).toBe("handshake_failure");
    expect(plain.error).toMatch(/did not answer with TLS/);
  });
});

import { describe, expect, it } from "vitest";
import { orderFindings, worstOf } from "@/lib/certs/categories";
import type { CertEvidence } from "@/lib/certs/describe-certificate";
import { evidenceMarkdown, explainFindings, utc } from "@/lib/certs/explain";
import { hostProblem } from "@/lib/certs/input";
import { renderMarkdown } from "@/lib/render/markdown";

const cert = (over: Partial<CertEvidence> = {}): CertEvidence => ({
  subject: "CN=auth.example.com", issuer: "CN=Example CA", sans: ["DNS:auth.example.com"], serial: "0A1B", fingerprint256: "AA:BB",
  keyType: "rsa", keyBits: 2048, signatureAlgorithm: "sha256WithRSAEncryption", notBefore: Date.UTC(2025, 10, 25, 6), notAfter: Date.UTC(2026, 10, 25, 6),
  inPath: true, trustAnchor: false, ...over,
});

describe("certificate findings in plain words", () => {
  it("orders findings by severity and names the worst", () => {
    expect(orderFindings(["expiring_warning", "hostname_mismatch", "expired", "ok"])).toEqual(["expired", "hostname_mismatch", "expiring_warning"]);
    expect(orderFindings([])).toEqual(["ok"]);
    expect(worstOf(["weak_crypto", "incomplete_chain"])).toBe("incomplete_chain");
  });

  it("says what failed, with the time in UTC", () => {
    const chain = [cert()];
    expect(utc(Date.UTC(2026, 10, 25, 6))).toBe("2026-11-25 06:00 UTC");
    expect(explainFindings({ findings: ["expired", "hostname_mismatch"], chain, validTo: chain[0]!.notAfter, daysLeft: -3, error: null }, { host: "10.0.0.5", port: 443, servername: "auth.example.com" }))
      .toEqual([
        "The TLS certificate for auth.example.com expired at 2026-11-25 06:00 UTC.",
        "The TLS certificate served for auth.example.com does not cover that name (it covers DNS:auth.example.com).",
      ]);
  });

  it("names the chain certificate that expires first when it is not the leaf", () => {
    const chain = [cert(), cert({ subject: "CN=Example Intermediate", notAfter: Date.UTC(2026, 0, 2) })];
    const [line] = explainFindings({ findings: ["expiring_warning"], chain, validTo: Date.UTC(2026, 0, 2), daysLeft: 9, error: null }, { host: "auth.example.com", port: 443, servername: null });
    expect(line).toBe('The TLS certificate for auth.example.com expires in 9 days, at 2026-01-02 00:00 UTC (the certificate "Example Intermediate" in its chain).');
  });

  it("keeps hostile certificate fields from turning into markdown links or HTML", () => {
    const table = evidenceMarkdown([cert({ subject: "CN=[click](javascript:alert(1)) | <img src=x onerror=alert(1)>" })]);
    const html = renderMarkdown(table);
    expect(html).not.toMatch(/<a |<img/);
    expect(html).toContain("<table>");
    expect(html).toContain("[click]");
  });

  it("explains why a host is refused", () => {
    expect(hostProblem("auth.example.com", "host")).toBeNull();
    expect(hostProblem("10.0.0.5", "host")).toBeNull();
    expect(hostProblem("[2001:db8::1]", "host")).toBeNull();
    expect(hostProblem("10.0.0.5", "servername", false)).toMatch(/not an IP address/);
    expect(hostProblem("smtp://mail.example.com", "host")).toMatch(/without a scheme/);
    expect(hostProblem("a..b", "host")).toMatch(/valid hostname/);
    expect(hostProblem("a".repeat(64) + ".com", "host")).toMatch(/valid hostname/);
  });
});

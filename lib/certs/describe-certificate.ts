import type { X509Certificate } from "node:crypto";
import { isWeakSignature, signatureAlgorithm } from "@/lib/certs/signature-algorithm";

/** Evidence kept for each certificate of a checked chain (times are UTC ms). */
export type CertEvidence = {
  subject: string;
  issuer: string;
  sans: string[];
  serial: string;
  fingerprint256: string;
  keyType: string;
  keyBits: number | null;
  signatureAlgorithm: string;
  notBefore: number;
  notAfter: number;
  /** On the path from the leaf to the trust anchor (extra served certificates are not). */
  inPath: boolean;
  trustAnchor: boolean;
};

const CURVE_BITS: Record<string, number> = { prime256v1: 256, secp256k1: 256, secp384r1: 384, secp521r1: 521, "P-256": 256, "P-384": 384, "P-521": 521 };
const MIN_BITS: Record<string, number> = { rsa: 2048, "rsa-pss": 2048, dsa: 2048, ec: 224 };

const oneLine = (dn: string) => dn.split("\n").filter(Boolean).join(", ");

function keyInfo(cert: X509Certificate): { keyType: string; keyBits: number | null } {
  const key = cert.publicKey;
  const type = key.asymmetricKeyType ?? "unknown";
  const d = key.asymmetricKeyDetails;
  const bits = d?.modulusLength ?? (d?.namedCurve ? (CURVE_BITS[d.namedCurve] ?? null) : null);
  return { keyType: type, keyBits: type === "ed25519" ? 256 : type === "ed448" ? 448 : bits };
}

export function describeCertificate(cert: X509Certificate, where: { inPath: boolean; trustAnchor: boolean }): CertEvidence {
  return {
    subject: oneLine(cert.subject),
    issuer: oneLine(cert.issuer),
    sans: cert.subjectAltName ? cert.subjectAltName.split(", ").map((s) => s.trim()).filter(Boolean) : [],
    serial: cert.serialNumber.toUpperCase(),
    fingerprint256: cert.fingerprint256,
    ...keyInfo(cert),
    signatureAlgorithm: signatureAlgorithm(cert.raw),
    notBefore: Date.parse(cert.validFrom),
    notAfter: Date.parse(cert.validTo),
    ...where,
  };
}

/** Weak signature (not judged on a trust anchor's self-signature) or a short key. */
export function isWeak(e: CertEvidence): boolean {
  const min = MIN_BITS[e.keyType];
  if (min !== undefined && e.keyBits !== null && e.keyBits < min) return true;
  return !e.trustAnchor && isWeakSignature(e.signatureAlgorithm);
}

/** "CN=auth.example.com" → "auth.example.com": the readable name of a certificate. */
export function commonName(e: Pick<CertEvidence, "subject">): string {
  const cn = /(?:^|, )CN=([^,]+)/.exec(e.subject)?.[1];
  return cn ?? e.subject;
}

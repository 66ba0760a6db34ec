import forge from "node-forge";

// node:crypto's X509Certificate does not expose the signature algorithm; read it from the DER.
const NAMES: Record<string, string> = {
  "1.2.840.113549.1.1.2": "md2WithRSAEncryption",
  "1.2.840.113549.1.1.4": "md5WithRSAEncryption",
  "1.2.840.113549.1.1.5": "sha1WithRSAEncryption",
  "1.2.840.113549.1.1.10": "RSASSA-PSS",
  "1.2.840.113549.1.1.11": "sha256WithRSAEncryption",
  "1.2.840.113549.1.1.12": "sha384WithRSAEncryption",
  "1.2.840.113549.1.1.13": "sha512WithRSAEncryption",
  "1.2.840.10040.4.3": "dsaWithSHA1",
  "1.2.840.10045.4.1": "ecdsa-with-SHA1",
  "1.2.840.10045.4.3.2": "ecdsa-with-SHA256",
  "1.2.840.10045.4.3.3": "ecdsa-with-SHA384",
  "1.2.840.10045.4.3.4": "ecdsa-with-SHA512",
  "1.3.101.112": "Ed25519",
  "1.3.101.113": "Ed448",
};

/** The outer signatureAlgorithm of a DER certificate, by name when known, else its OID. */
export function signatureAlgorithm(der: Buffer): string {
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(der.toString("binary")), false);
    const seq = asn1.value as forge.asn1.Asn1[];
    const algId = seq[1]?.value as forge.asn1.Asn1[] | undefined;
    const oidNode = algId?.[0];
    if (!oidNode || typeof oidNode.value !== "string") return "unknown";
    const oid = forge.asn1.derToOid(oidNode.value);
    return NAMES[oid] ?? oid;
  } catch {
    return "unknown";
  }
}

/** SHA-1, MD5 and MD2 signatures can be forged; browsers refuse them. */
export const isWeakSignature = (alg: string) => /md2|md5|sha-?1(?!\d)/i.test(alg);

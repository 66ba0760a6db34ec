import type { X509Certificate } from "node:crypto";

export type PathEnd = "trusted" | "self_signed" | "untrusted_root" | "incomplete_chain";

/** The certification path from the leaf; `anchor` is the trust anchor it ended at, if any. */
export type TrustPath = { path: X509Certificate[]; end: PathEnd; anchor: X509Certificate | null };

const MAX_DEPTH = 10;

function issuedBy(child: X509Certificate, parent: X509Certificate): boolean {
  try {
    return child.checkIssued(parent) && child.verify(parent.publicKey);
  } catch {
    return false; // unsupported key or signature algorithm: not a usable issuer
  }
}

// A self-signed leaf usually lacks keyCertSign, which checkIssued requires; compare names instead.
function selfSigned(cert: X509Certificate): boolean {
  try {
    return cert.subject === cert.issuer && cert.verify(cert.publicKey);
  } catch {
    return false;
  }
}

/**
 * Build the path ourselves instead of trusting Node's single authorizationError. Trust anchors
 * are tried before served certificates, so a cross-signed copy of a trusted root that the
 * server also sends never extends the path (its expiry does not count).
 */
export function buildPath(served: X509Certificate[], anchors: X509Certificate[]): TrustPath {
  const leaf = served[0];
  if (!leaf) return { path: [], end: "incomplete_chain", anchor: null };
  const anchorPrints = new Set(anchors.map((a) => a.fingerprint256));
  const path = [leaf];
  let current = leaf;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    if (anchorPrints.has(current.fingerprint256)) return { path, end: "trusted", anchor: current };
    const anchor = anchors.find((a) => issuedBy(current, a));
    if (anchor) return { path: [...path, anchor], end: "trusted", anchor };
    if (selfSigned(current)) return { path, end: path.length === 1 ? "self_signed" : "untrusted_root", anchor: null };
    const next = served.find((c) => !path.includes(c) && issuedBy(current, c));
    if (!next) return { path, end: "incomplete_chain", anchor: null };
    path.push(next);
    current = next;
  }
  return { path, end: "incomplete_chain", anchor: null };
}

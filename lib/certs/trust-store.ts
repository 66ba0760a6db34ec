import { X509Certificate } from "node:crypto";
import tls from "node:tls";

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

export type PemParse = { certs: X509Certificate[]; error?: undefined } | { certs?: undefined; error: string };

/** Parse a PEM bundle that must hold one or more certificates and nothing else. */
export function parsePemCertificates(pem: string): PemParse {
  const certs: X509Certificate[] = [];
  let rest = pem;
  for (const m of pem.matchAll(PEM_BLOCK)) {
    rest = rest.replace(m[0], "");
    if (m[1] !== "CERTIFICATE") return { error: `caPem must hold only certificates; found a ${m[1]} block` };
    try {
      certs.push(new X509Certificate(m[0]));
    } catch {
      return { error: `caPem certificate #${certs.length + 1} could not be parsed` };
    }
  }
  if (certs.length === 0) return { error: "caPem must hold at least one PEM certificate (-----BEGIN CERTIFICATE-----)" };
  if (rest.trim() !== "") return { error: "caPem holds text outside its PEM blocks" };
  return { certs };
}

let systemRoots: X509Certificate[] | undefined;

/** Node's bundled Mozilla roots, parsed once per process. */
function system(): X509Certificate[] {
  systemRoots ??= tls.rootCertificates.map((pem) => new X509Certificate(pem));
  return systemRoots;
}

/** The trust anchors for one monitor: the system roots plus its own CA bundle, if any. */
export function trustAnchors(caPem: string | null | undefined): X509Certificate[] {
  if (!caPem) return system();
  const extra = parsePemCertificates(caPem);
  return extra.certs ? [...extra.certs, ...system()] : system();
}

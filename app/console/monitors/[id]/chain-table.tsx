import type { CertEvidence } from "@/lib/certs/describe-certificate";
import { utc } from "@/lib/certs/explain";

/** The evidence for every certificate the server sent (and the trust anchor we matched). */
export function ChainTable({ chain }: { chain: CertEvidence[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-xs" aria-label="Certificate chain">
        <thead className="text-slate-600 dark:text-slate-400">
          <tr><th className="py-1 pr-3">Certificate</th><th className="pr-3">Issuer</th><th className="pr-3">Valid</th><th className="pr-3">Key · signature</th><th>Serial · SHA-256</th></tr>
        </thead>
        <tbody>
          {chain.map((c) => (
            <tr key={c.fingerprint256} className={`border-t border-slate-200 dark:border-slate-800 align-top ${c.inPath ? "" : "text-slate-500"}`}>
              <td className="py-1 pr-3">
                <div className="font-medium">{c.subject}</div>
                {c.sans.length > 0 && <div className="break-all text-slate-600 dark:text-slate-400">{c.sans.join(", ")}</div>}
                <div className="text-slate-600 dark:text-slate-400">{c.trustAnchor ? "trust anchor" : c.inPath ? "on the trusted path" : "sent, not on the path"}</div>
              </td>
              <td className="pr-3">{c.issuer}</td>
              <td className="pr-3 whitespace-nowrap">{utc(c.notBefore)}<br />to {utc(c.notAfter)}</td>
              <td className="pr-3">{c.keyType.toUpperCase()} {c.keyBits ?? "?"} · {c.signatureAlgorithm}</td>
              <td className="break-all font-mono">{c.serial}<br />{c.fingerprint256}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { listTokens } from "@/lib/auth/list-tokens";
import { LocalTime } from "@/components/local-time";
import { DataTable } from "@/components/console/data-table";
import { CreateTokenForm } from "@/app/console/tokens/create-token-form";
import { RevokeTokenButton } from "@/app/console/tokens/revoke-token-button";

export const metadata: Metadata = { title: "API tokens" };

const When = ({ ms, none }: { ms: number | null; none: string }) => (ms === null ? <>{none}</> : <LocalTime ms={ms} />);

export default async function TokensPage({ searchParams }: { searchParams: Promise<{ all?: string }> }) {
  const user = await requireUser();
  const showAll = (await searchParams).all === "1" && user.role === "admin";
  const tokens = await listTokens(user, { all: showAll });
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold">API tokens</h1>
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
          A token lets a tool open incidents and post updates through <code>/api/v1</code> as you
          (<code>Authorization: Bearer &lt;token&gt;</code>). Herald stores only a hash of it.
        </p>
        {user.role === "admin" && (
          <p className="mt-2 text-sm">
            {showAll ? <Link href="/console/tokens">Show only my tokens</Link> : <Link href="/console/tokens?all=1">Show every user&apos;s tokens</Link>}
          </p>
        )}
      </header>
      <CreateTokenForm />
      <section aria-labelledby="token-list">
        <h2 id="token-list" className="text-lg font-semibold">{showAll ? "All tokens" : "Your tokens"}</h2>
        {tokens.length === 0 ? <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">No tokens yet.</p> : (
          <DataTable
            className="mt-2"
            headers={["Name", "Prefix", showAll && "Owner", "Created", "Last used", "Expires", "State", <span key="actions" className="sr-only">Actions</span>]}
          >
            {tokens.map((t) => (
              <tr key={t.id} className="align-top" data-token-prefix={t.prefix}>
                <td className="px-3 py-2">{t.name}</td>
                <td className="px-3 py-2 font-mono">{t.prefix}…</td>
                {showAll && <td className="px-3 py-2">{t.ownerEmail}</td>}
                <td className="px-3 py-2"><LocalTime ms={t.createdAt} /></td>
                <td className="px-3 py-2" data-token-last-used={t.lastUsedAt ?? ""}><When ms={t.lastUsedAt} none="never" /></td>
                <td className="px-3 py-2"><When ms={t.expiresAt} none="never" /></td>
                <td className="px-3 py-2" data-token-state={t.state}>
                  {t.state === "revoked" ? <>revoked <When ms={t.revokedAt} none="" /></> : t.state}
                </td>
                <td className="px-3 py-2">{t.state !== "revoked" && <RevokeTokenButton id={t.id} name={t.name} />}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { listAudit } from "@/lib/audit/list-audit";
import { LocalTime } from "@/components/local-time";
import { DataTable } from "@/components/console/data-table";

export const metadata: Metadata = { title: "Audit log" };

const PAGE = 100;
const cursor = z.coerce.number().int().positive().optional().catch(undefined);

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditPage({ searchParams }: Props) {
  await requireUser("admin");
  const beforeId = cursor.parse((await searchParams).before);
  const rows = await listAudit({ limit: PAGE, beforeId });
  const last = rows[rows.length - 1];
  return (
    <div>
      <h1 className="text-2xl font-bold">Audit log</h1>
      <DataTable className="mt-4" headers={["Time", "Actor", "Action", "Target", "IP"]}>
        {rows.map((r) => (
          <tr key={r.id}>
            <td className="px-3 py-2 whitespace-nowrap"><LocalTime ms={r.at} /></td>
            <td className="px-3 py-2">{r.actor}</td>
            <td className="px-3 py-2 font-mono">{r.action}</td>
            <td className="px-3 py-2 font-mono">{r.target ?? "—"}</td>
            <td className="px-3 py-2 font-mono">{r.ip ?? "—"}</td>
          </tr>
        ))}
      </DataTable>
      <nav aria-label="Audit pages" className="mt-4 flex gap-6">
        {beforeId !== undefined && <Link href="/console/audit">Newest</Link>}
        {rows.length === PAGE && last && <Link href={`/console/audit?before=${last.id}`}>Older entries</Link>}
      </nav>
    </div>
  );
}

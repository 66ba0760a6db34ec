import { NextResponse } from "next/server";
import { readQuery, tokenRoute } from "@/lib/http/api";
import { listAudit } from "@/lib/audit/list-audit";
import { auditJson } from "@/lib/api/audit-json";
import { auditQuery } from "@/lib/api/query-input";

export const dynamic = "force-dynamic";

/** GET /api/v1/audit?limit=N&before=<id> → {entries: [...]} newest first. Admin tokens only. */
export const GET = tokenRoute(async ({ req }) => {
  const q = readQuery(req, auditQuery);
  const rows = await listAudit({ limit: q.limit, beforeId: q.before });
  return NextResponse.json({ entries: rows.map(auditJson) });
}, { role: "admin" });

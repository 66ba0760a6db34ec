import type { AuditRow } from "@/lib/audit/list-audit";
import { iso } from "@/lib/api/incident-json";

export const auditJson = (r: AuditRow) => ({
  id: r.id, at: iso(r.at), actor: r.actor, action: r.action, target: r.target, detail: r.detail ?? null, ip: r.ip,
});

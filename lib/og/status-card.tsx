import type { ComponentStatus } from "@/db/schema";
import { utcStamp } from "@/lib/fanout/labels";
import { INDICATOR_COLOUR } from "@/lib/og/card-colours";
import { COMPONENT_STATUS_LABEL, type OverallStatus } from "@/lib/status/overall";

export type StatusCardProps = {
  pageName: string; overall: OverallStatus; services: Array<{ name: string; status: ComponentStatus }>; updatedAt: number;
};

const DOT: Record<ComponentStatus, string> = {
  operational: "#16a34a", degraded_performance: "#f59e0b", partial_outage: "#ea580c", major_outage: "#dc2626", under_maintenance: "#2563eb",
};

/** The status page's card: the overall banner in its colour and each service's worst status. */
export function StatusCard(p: StatusCardProps) {
  const tone = INDICATOR_COLOUR[p.overall.indicator];
  return (
    <div style={{ width: "100%", height: "100%", display: "flex", flexDirection: "column", padding: "56px 64px",
      background: "#f8fafc", color: "#0f172a", fontFamily: "DejaVu Sans" }}>
      <div style={{ display: "flex", fontSize: 34, fontWeight: 700 }}>{p.pageName}</div>
      <div style={{ display: "flex", marginTop: 32, padding: "28px 36px", borderRadius: 16, background: tone.bg, color: tone.fg, fontSize: 52, fontWeight: 700 }}>
        {p.overall.description}
      </div>
      <div style={{ display: "flex", flexDirection: "column", marginTop: 28, flexGrow: 1 }}>
        {p.services.slice(0, 5).map((s, i) => (
          <div key={i} style={{ display: "flex", justifyContent: "space-between", alignItems: "center", fontSize: 30, padding: "8px 0", borderBottom: "2px solid #e2e8f0" }}>
            <div style={{ display: "flex" }}>{s.name}</div>
            <div style={{ display: "flex", alignItems: "center" }}>
              <div style={{ display: "flex", width: 22, height: 22, borderRadius: 999, background: DOT[s.status], marginRight: 14 }} />
              {COMPONENT_STATUS_LABEL[s.status]}
            </div>
          </div>
        ))}
      </div>
      <div style={{ display: "flex", justifyContent: "flex-end", fontSize: 24, color: "#334155" }}>{`Updated ${utcStamp(p.updatedAt)}`}</div>
    </div>
  );
}

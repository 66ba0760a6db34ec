import type { EventStatus } from "@/db/schema";
import { STATUS_LABEL, utcStamp } from "@/lib/fanout/labels";
import { STATUS_COLOUR } from "@/lib/og/card-colours";

export type IncidentCardProps = {
  pageName: string; id: string; title: string; service: string; status: EventStatus; lastUpdateAt: number;
};

/** 1200×630, flexbox only (satori). Strings arrive already reduced to what the font can draw. */
export function IncidentCard(p: IncidentCardProps) {
  const tone = STATUS_COLOUR[p.status];
  return (
    <div style={{ width: "100%", height: "100%", display: "flex", flexDirection: "column", justifyContent: "space-between",
      padding: "56px 64px", background: "#f8fafc", color: "#0f172a", fontFamily: "DejaVu Sans", borderTop: `20px solid ${tone.bg}` }}>
      <div style={{ display: "flex", justifyContent: "space-between", alignItems: "center", fontSize: 30 }}>
        <div style={{ display: "flex", color: "#334155" }}>{p.pageName}</div>
        <div style={{ display: "flex", fontWeight: 700, letterSpacing: 2 }}>{p.id}</div>
      </div>
      <div style={{ display: "flex", flexDirection: "column" }}>
        <div style={{ display: "flex", fontSize: 60, fontWeight: 700, lineHeight: 1.15, maxHeight: 210, overflow: "hidden" }}>{p.title || p.id}</div>
        <div style={{ display: "flex", fontSize: 34, color: "#334155", marginTop: 20 }}>{p.service}</div>
      </div>
      <div style={{ display: "flex", justifyContent: "space-between", alignItems: "center" }}>
        <div style={{ display: "flex", padding: "12px 28px", borderRadius: 999, background: tone.bg, color: tone.fg, fontSize: 36, fontWeight: 700 }}>
          {STATUS_LABEL[p.status]}
        </div>
        <div style={{ display: "flex", fontSize: 28, color: "#334155" }}>{`Last update ${utcStamp(p.lastUpdateAt)}`}</div>
      </div>
    </div>
  );
}

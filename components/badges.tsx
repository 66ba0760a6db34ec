import type { ComponentStatus, Impact, EventStatus } from "@/db/schema";
import { COMPONENT_STATUS_LABEL } from "@/lib/status/overall";
import { CANCELLED_LABEL, IMPACT_LABEL, INCIDENT_STATUS_LABEL } from "@/lib/public/labels";
import { COMPONENT_TONE, IMPACT_TONE, INCIDENT_STATUS_TONE } from "@/components/status-styles";

const pill = "inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset whitespace-nowrap";

/** `cancelled`: a maintenance stored as completed with cancelledAt reads "Cancelled". */
export function IncidentStatusBadge({ status, cancelled = false }: { status: EventStatus; cancelled?: boolean }) {
  return <span className={`${pill} ${INCIDENT_STATUS_TONE[status]}`} data-status={cancelled ? "cancelled" : status}>{cancelled ? CANCELLED_LABEL : INCIDENT_STATUS_LABEL[status]}</span>;
}

export function ImpactBadge({ impact }: { impact: Impact }) {
  return <span className={`${pill} ${IMPACT_TONE[impact]}`}>Impact: {IMPACT_LABEL[impact]}</span>;
}

/** A component status: icon, coloured dot and words, so colour is never the only signal. */
export function ComponentStatusLabel({ status }: { status: ComponentStatus }) {
  const tone = COMPONENT_TONE[status];
  return (
    <span className={`inline-flex items-center gap-1.5 text-sm font-medium ${tone.text}`} data-component-status={status}>
      <span aria-hidden="true" className={`inline-flex size-4 items-center justify-center rounded-full text-[10px] font-bold text-white ${tone.dot}`}>
        {tone.icon}
      </span>
      {COMPONENT_STATUS_LABEL[status]}
    </span>
  );
}

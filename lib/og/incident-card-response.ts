import { createElement } from "react";
import { pageIdentity } from "@/lib/page/page-identity";
import { getIncident } from "@/lib/incidents/get-incident";
import { cardFonts } from "@/lib/og/card-fonts";
import { cardText } from "@/lib/og/card-text";
import { IncidentCard } from "@/lib/og/incident-card";
import { renderCard } from "@/lib/og/render-card";

/** /og/incidents/<ID>: the incident's card, or null when there is no such incident. */
export async function incidentCardResponse(id: string, version: string | null): Promise<Response | null> {
  const incident = await getIncident(id);
  if (!incident) return null;
  const { covers } = cardFonts();
  return renderCard(createElement(IncidentCard, {
    pageName: cardText((await pageIdentity()).name, covers, 40),
    id: incident.id,
    title: cardText(incident.title, covers, 110),
    service: cardText(incident.service.name, covers, 60),
    status: incident.status,
    lastUpdateAt: incident.updatedAt,
  }), { current: version === String(incident.updatedAt), version: String(incident.updatedAt) });
}

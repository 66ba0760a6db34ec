import { createElement } from "react";
import type { ComponentStatus } from "@/db/schema";
import { pageIdentity } from "@/lib/page/page-identity";
import { loadLastChange } from "@/lib/public/status-page-data";
import { listServices } from "@/lib/services/list-services";
import { overallStatus } from "@/lib/status/overall";
import { cardFonts } from "@/lib/og/card-fonts";
import { cardText } from "@/lib/og/card-text";
import { renderCard } from "@/lib/og/render-card";
import { StatusCard } from "@/lib/og/status-card";

const RANK: Record<ComponentStatus, number> = { operational: 0, under_maintenance: 1, degraded_performance: 2, partial_outage: 3, major_outage: 4 };

/** The status page versions its card URL (?v=) with this; the same function, so they agree. */
export const statusCardVersion = loadLastChange;

/** /og/status: the overall status card. */
export async function statusCardResponse(version: string | null): Promise<Response> {
  const services = await listServices("public");
  const updatedAt = await statusCardVersion();
  const { covers } = cardFonts();
  return renderCard(createElement(StatusCard, {
    pageName: cardText((await pageIdentity()).name, covers, 40),
    overall: overallStatus(services.flatMap((s) => s.components.map((c) => c.status))),
    services: services.map((s) => ({
      name: cardText(s.name, covers, 40),
      status: s.components.reduce<ComponentStatus>((w, c) => (RANK[c.status] > RANK[w] ? c.status : w), "operational"),
    })),
    updatedAt,
  }), { current: version === String(updatedAt), version: String(updatedAt) });
}

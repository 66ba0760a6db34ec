import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { ServiceList } from "@/components/public/service-list";
import { loadStatusPage } from "@/lib/public/status-page-data";
import { uptimeBlocks } from "@/lib/uptime/uptime-blocks";
import { fillUptimeSlots, slotDays } from "@/lib/uptime/uptime-slots";
import { open, seedCatalog } from "@/tests/support/fixtures";

// The status page as the front cache builds it (empty boxes filled from /_herald/uptime-blocks) must be
// the page Next renders with the bars in place (HERALD_FRONT_CACHE=off, `next dev`): real verbs, real database.
const services = (data: Awaited<ReturnType<typeof loadStatusPage>>) =>
  renderToStaticMarkup(createElement(ServiceList, { services: data.services, uptime: data.uptime }));
let incident = "";
const now = Date.now() + 1_000;
beforeAll(async () => {
  await seedCatalog();
  incident = (await open({ title: "Chat down", components: { chat: "major_outage" } })).id;
});

describe("the status page's uptime boxes, filled by the front cache", () => {
  it("are rendered empty for the front cache, naming their window, and filled to exactly the page Next renders in place", async () => {
    const inPlace = services(await loadStatusPage(now));
    const empty = services(await loadStatusPage(now, { slots: true }));
    expect(empty).not.toContain("<li tabindex");
    expect(empty).toContain('data-uptime-slot="90/teams/chat"');
    expect(slotDays(empty)).toBe(90);
    const filled = fillUptimeSlots(empty, await uptimeBlocks(90, now));
    expect(filled).toBe(inPlace);
    // Today's bar for Chat: a major outage, with a link to the incident.
    expect(filled).toMatch(new RegExp(`data-uptime="chat"><ol class="ub d90" aria-label="Chat: uptime by day, last 90 days">.*<li tabindex="0" class="u-m"><span>[^<]*Major outage<span> <a href="/incidents/${incident}">`));
    expect(filled).not.toContain("data-uptime-slot");
  });

  it("leaves a box out rather than fill it with another window's days", async () => {
    const empty = services(await loadStatusPage(now, { slots: true }));
    const filled = fillUptimeSlots(empty, await uptimeBlocks(30, now));
    expect(filled).not.toContain("data-uptime=");
    expect(filled).toContain("<span>Chat</span>");
  });
});

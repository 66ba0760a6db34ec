import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { incidents, incidentUpdates } from "@/db/schema";
import { createMonitor } from "@/lib/certs/create-monitor";
import { createMonitorInput } from "@/lib/certs/input";
import { getMonitor } from "@/lib/certs/get-monitor";
import { runCheck } from "@/lib/certs/run-check";
import { historyFeed } from "@/lib/feeds/history-feed";
import { incidentFeed } from "@/lib/feeds/incident-feed";
import { getIncidents } from "@/lib/statuspage/get-incidents";
import { getSummary } from "@/lib/statuspage/get-summary";
import { responder, seedCatalog } from "@/tests/support/fixtures";

/*
 * What a failing monitor publishes (issue 9, finding 6): a mail server on 127.0.0.1 refuses the
 * session with a hostile banner. The incident it opens names the service and what failed; the
 * host, port, SNI name and banner appear in no public title, update, feed or /api/v2 answer.
 */
const BANNER = "mx7.corp-internal.example ESMTP Postfix-CANARY <script>alert(1)</script> [10.20.30.40]";
let server: net.Server, port: number;

beforeAll(async () => {
  await seedCatalog();
  server = net.createServer((s) => { s.on("error", () => undefined); s.end(`554 ${BANNER}\r\n`); });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as net.AddressInfo).port;
});
afterAll(() => new Promise((r) => server.close(r)));

describe("a failing monitor's public incident", () => {
  it("names the service and what failed, and none of host, port, server name or banner", async () => {
    const m = await createMonitor(createMonitorInput.parse({
      name: "MX relay", host: "127.0.0.1", port, servername: "mail-canary.corp-internal.example", protocol: "smtp-starttls",
      service: "exchange", components: ["mail-flow"],
    }), responder);
    let now = Date.now();
    await runCheck(m.id, { now, timeoutMs: 2_000 });
    const opened = await runCheck(m.id, { now: (now += 60_000), timeoutMs: 2_000 });
    expect(opened.decision.kind).toBe("open");
    const id = opened.incidentId ?? "";

    const incident = (await getDb().select().from(incidents).where(eq(incidents.id, id)).limit(1))[0];
    const updates = await getDb().select().from(incidentUpdates).where(eq(incidentUpdates.incidentId, id));
    expect(incident?.title).toBe("Exchange Online: secure connections failing");
    expect(updates.map((u) => u.body)).toEqual([
      "Connections to Exchange Online (Mail flow) may fail or show a security warning, because it is not completing secure connections. We're investigating.",
    ]);

    const published = [
      incident?.title, incident?.userImpact, incident?.scope, ...updates.map((u) => u.body),
      (await historyFeed("rss")).body, (await historyFeed("atom")).body, (await incidentFeed(id, "atom"))?.body,
      JSON.stringify(await getIncidents()), JSON.stringify(await getSummary()),
    ].join("\n");
    expect(published).toContain(id);
    for (const secret of ["127.0.0.1", `:${port}`, "mail-canary", "corp-internal", "mx7", "CANARY", "Postfix", "10.20.30.40", "MX relay"]) {
      expect(published, secret).not.toContain(secret);
    }

    // The console keeps the evidence: the monitor's last result says what the server answered.
    const detail = await getMonitor(m.id);
    expect(JSON.stringify(detail)).toContain("Postfix-CANARY");
  });
});

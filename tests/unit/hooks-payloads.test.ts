import { createHmac } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { slackMessage, SLACK_LIMITS } from "@/lib/channels/slack/message";
import { teamsMessage } from "@/lib/channels/teams/card";
import { signatureHeader } from "@/lib/channels/webhook/sign";
import { webhookEvents } from "@/lib/channels/webhook/payload";
import { getIncident } from "@/lib/incidents/get-incident";
import { postUpdate } from "@/lib/incidents/post-update";
import { BLNS, payloads } from "@/tests/support/hostile-corpus";
import { open, responder, seedCatalog } from "@/tests/support/fixtures";

type Block = { type: string; text?: { type: string; text: string }; elements?: Array<{ text: { text: string }; url: string }> };
const hostile = [...payloads("http://127.0.0.1:9"), ...BLNS];
const input = (title: string, body: string) => ({
  incidentId: "TM202916", title, status: "identified" as const, body, nextUpdateAt: Date.UTC(2026, 1, 3, 14, 5), link: "https://status.example.com/incidents/TM202916",
});

beforeAll(() => seedCatalog());

describe("Slack Block Kit message", () => {
  it("has a header with the ID and title, the status, the update and a button to the incident", () => {
    const m = slackMessage(input("Sign-in failures", "An **expired** certificate."));
    const [header, status, body, actions] = m.blocks as Block[];
    expect(header).toEqual({ type: "header", text: { type: "plain_text", text: "[TM202916] Sign-in failures", emoji: false } });
    expect(status?.text?.text).toBe("*Status:* Identified  ·  *Next update by:* 3 Feb 2026, 14:05 UTC");
    expect(body?.text?.text).toBe("An expired certificate.");
    expect(actions?.elements?.[0]?.url).toBe("https://status.example.com/incidents/TM202916");
  });

  it("keeps the header within 150 characters and sections within 3,000, even when escaping grows the text", () => {
    const m = slackMessage(input("T".repeat(400), "<&".repeat(5000)));
    const [header, , body] = m.blocks as Block[];
    expect(header?.text?.text.length).toBe(150);
    expect(header?.text?.text.endsWith("…")).toBe(true);
    expect(body?.text?.text.length).toBeLessThanOrEqual(3000);
    expect(body?.text?.text.length).toBeGreaterThan(2990);
    expect(body?.text?.text).toMatch(/^(&lt;&amp;)+(&lt;)?…$/); // no entity cut in half
    for (const b of m.blocks as Block[]) if (b.text) expect(b.text.text.length).toBeLessThanOrEqual(b.type === "header" ? SLACK_LIMITS.header : SLACK_LIMITS.section);
  });

  it("never splits an emoji at the limit", () => {
    const m = slackMessage(input("👩‍👩‍👧‍👦".repeat(40), "x"));
    const text = (m.blocks[0] as Block).text?.text ?? "";
    expect(text.length).toBeLessThanOrEqual(150);
    expect(text.replace(/(👩‍👩‍👧‍👦)+/u, "")).toBe("[TM202916] …");
  });

  it("leaves no Slack control sequence (<!channel>, <url|link>) alive in hostile titles and bodies", () => {
    for (const s of [...hostile, "<!channel> <!here> <@U123> <https://evil.example|click>"]) {
      const m = slackMessage(input(s, s));
      const json = JSON.stringify(m);
      expect(JSON.parse(json)).toEqual(m); // a plain JSON document, whatever the strings
      for (const b of m.blocks as Block[]) if (b.text?.type === "mrkdwn") expect(b.text.text).not.toMatch(/[<>]/);
      expect(m.text).not.toMatch(/[<>]/);
      expect(m.blocks).toHaveLength(4);
    }
  });
});

describe("Teams Adaptive Card message", () => {
  it("is a message with one Adaptive Card attachment, schema 1.5 or lower", () => {
    const m = teamsMessage(input("Sign-in failures", "Renewing it."));
    expect(m.type).toBe("message");
    expect(m.attachments).toHaveLength(1);
    const a = m.attachments[0]!;
    expect(a.contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(a.content.type).toBe("AdaptiveCard");
    const [major, minor] = a.content.version.split(".").map(Number);
    expect((major ?? 9) * 100 + (minor ?? 9)).toBeLessThanOrEqual(105);
    expect(JSON.stringify(a.content.body)).toContain("[TM202916] Sign-in failures");
    expect(a.content.actions[0]).toEqual({ type: "Action.OpenUrl", title: "View incident", url: "https://status.example.com/incidents/TM202916" });
  });

  it("carries hostile text only in TextRuns (never read as markdown) and stays under Teams' 28 KB", () => {
    for (const s of [...hostile, "x".repeat(100_000)]) {
      const m = teamsMessage(input(s, s));
      const json = JSON.stringify(m);
      expect(Buffer.byteLength(json)).toBeLessThan(28 * 1024);
      const body = m.attachments[0]!.content.body as Array<{ type: string }>;
      expect(body.map((b) => b.type)).toEqual(["RichTextBlock", "FactSet", "RichTextBlock"]);
      expect(JSON.parse(json)).toEqual(m);
    }
  });
});

describe("webhook signature and Statuspage payload", () => {
  it("signs t.<raw body> with HMAC-SHA256 of the secret", () => {
    const body = JSON.stringify({ a: "ü<script>" });
    const expected = createHmac("sha256", "s3cret").update(`1700000000.${body}`).digest("hex");
    expect(signatureHeader("s3cret", body, 1700000000)).toBe(`t=1700000000,v1=${expected}`);
    expect(signatureHeader("other", body, 1700000000)).not.toBe(`t=1700000000,v1=${expected}`);
  });

  it("sends incident.update with the incident as of that update, and component.update per changed component", async () => {
    const t0 = Date.UTC(2026, 1, 3, 12, 0);
    const inc = await open({}, t0);
    const later = await postUpdate(inc.id, { status: "resolved", message: "Fixed.", components: { "sign-in": "operational" } }, responder, { now: t0 + 60_000 });
    const detail = (await getIncident(inc.id))!;
    const first = detail.updates[1]!, last = detail.updates[0]!;
    expect(last.id).toBe(later.id);
    const common = { incident: detail, deliveryId: 7, page: { id: "herald", indicator: "none" as const, description: "All Systems Operational" },
      base: "https://status.example.com", unsubscribeUrl: "https://status.example.com/u", documentationUrl: "https://status.example.com/docs", generatedAt: t0 + 61_000, componentFilter: null };
    const events = webhookEvents({ ...common, updateId: first.id });
    expect(events.map((e) => [e.event, e.deliveryId])).toEqual([["incident.update", "7"], ["component.update", "7.teams.sign-in"]]);
    const body = events[0]!.body as { meta: object; page: object; incident: { status: string; resolved_at: null; incident_updates: Array<{ body: string }> } };
    expect(body.meta).toEqual({ unsubscribe: "https://status.example.com/u", documentation: "https://status.example.com/docs", generated_at: "2026-02-03T12:01:01.000Z" });
    expect(body.page).toEqual({ id: "herald", status_indicator: "none", status_description: "All Systems Operational" });
    expect(body.incident.status).toBe("investigating"); // not the later "resolved"
    expect(body.incident.incident_updates.map((u) => u.body)).toEqual(["Investigating sign-in failures."]);
    expect(events[1]!.body).toMatchObject({
      component_update: { old_status: "operational", new_status: "major_outage", component_id: "teams.sign-in", created_at: "2026-02-03T12:00:00.000Z" },
      component: { id: "teams.sign-in", name: expect.any(String), status: "major_outage" },
    });
    const resolved = webhookEvents({ ...common, updateId: last.id });
    expect((resolved[0]!.body as { incident: { status: string; incident_updates: unknown[] } }).incident.incident_updates).toHaveLength(2);
    expect(webhookEvents({ ...common, updateId: last.id, componentFilter: new Set([999]) }).map((e) => e.event)).toEqual(["incident.update"]);
  });

  it("carries hostile titles and bodies as exact JSON strings: nothing added, nothing lost", async () => {
    const strings = [...payloads("http://127.0.0.1:9"), ...BLNS.filter((b) => b.trim()).slice(0, 150)];
    for (const [n, s] of strings.entries()) {
      if (n % 10 !== 0) continue; // every tenth string keeps the database work small
      const inc = await open({ title: s.slice(0, 200) || "x", message: s || "x" });
      const detail = (await getIncident(inc.id))!;
      const [event] = webhookEvents({ incident: detail, updateId: detail.updates[0]!.id, deliveryId: 1, page: { id: "p", indicator: "none", description: "ok" },
        base: "https://status.example.com", unsubscribeUrl: "u", documentationUrl: "d", generatedAt: 0, componentFilter: null });
      const back = JSON.parse(JSON.stringify(event!.body)) as { incident: { name: string; incident_updates: Array<{ body: string }> } };
      expect(back.incident.name).toBe(detail.title);
      expect(back.incident.incident_updates[0]!.body).toBe(detail.updates[0]!.body);
      expect(Object.keys(back).sort()).toEqual(["incident", "meta", "page"]);
    }
  });
});

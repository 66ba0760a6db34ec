import { describe, expect, it } from "vitest";
import { addBusinessDays } from "@/lib/reviews/due-at";
import { parseGraphFilter } from "@/lib/graph/filter";
import { parseGraphQuery } from "@/lib/graph/query";
import { GraphQueryError } from "@/lib/graph/query-error";
import { graphStatus } from "@/lib/graph/status";
import { m365Time } from "@/lib/graph/m365-time";
import { postContent, type PostFacts } from "@/lib/graph/post-content";

const at = (iso: string) => Date.parse(iso);

describe("review due date: 5 business days (Mon–Fri, UTC) after resolution", () => {
  // 2026-03-04 is a Wednesday; the expected dates are counted on a calendar by hand.
  it.each([
    ["Wednesday", "2026-03-04T09:00:00Z", "2026-03-11T09:00:00Z"],
    ["Friday", "2026-03-06T17:30:00Z", "2026-03-13T17:30:00Z"],
    ["Saturday", "2026-03-07T10:00:00Z", "2026-03-13T10:00:00Z"],
    ["Sunday", "2026-03-08T23:59:00Z", "2026-03-13T23:59:00Z"],
    ["Monday", "2026-03-09T00:00:00Z", "2026-03-16T00:00:00Z"],
    ["Thursday before a month end", "2026-04-30T12:00:00Z", "2026-05-07T12:00:00Z"],
  ])("resolved on a %s", (_day, resolved, due) => {
    expect(new Date(addBusinessDays(at(resolved), 5)).toISOString()).toBe(new Date(at(due)).toISOString());
  });
});

describe("Graph $filter and $top", () => {
  it("reads eq clauses joined by and, with quoted strings and doubled quotes", () => {
    expect(parseGraphFilter("isResolved eq false")).toEqual({ isResolved: false });
    expect(parseGraphFilter("classification eq 'advisory' AND isResolved eq true")).toEqual({ classification: "advisory", isResolved: true });
    expect(parseGraphFilter("service eq 'Bob''s and Alice''s mail' and classification eq 'incident'"))
      .toEqual({ service: "Bob's and Alice's mail", classification: "incident" });
  });

  it.each([
    "isResolved ne false", "title eq 'x'", "isResolved eq 'true'", "classification eq incident", "classification eq 'outage'",
    "isResolved eq false or isResolved eq true", "startswith(service,'Ex')", "service eq 'unterminated", "", "x".repeat(600),
  ])("refuses %j with a reason", (text) => {
    expect(() => parseGraphFilter(text)).toThrow(GraphQueryError);
  });

  it("bounds $top and refuses unsupported options", () => {
    expect(parseGraphQuery(new URLSearchParams("$top=5")).top).toBe(5);
    expect(parseGraphQuery(new URLSearchParams("$top=5000")).top).toBe(100);
    expect(parseGraphQuery(new URLSearchParams("")).top).toBe(100);
    for (const q of ["$top=0", "$top=-1", "$top=abc", "$orderby=title", "$select=id", "$skiptoken=bm9wZQ"]) {
      expect(() => parseGraphQuery(new URLSearchParams(q)), q).toThrow(GraphQueryError);
    }
  });
});

describe("Graph status and post layout", () => {
  it("maps statuses as the issue says, in Graph's casing", () => {
    expect(["investigating", "identified", "monitoring", "resolved"].map((s) => graphStatus(s as "resolved", false)))
      .toEqual(["investigating", "restoringService", "verifyingService", "serviceRestored"]);
    expect(graphStatus("resolved", true)).toBe("postIncidentReviewPublished");
  });

  it("writes times the way Microsoft 365 posts do", () => {
    expect(m365Time(at("2021-11-17T13:00:00Z"))).toBe("Wednesday, November 17, 2021, at 1:00 PM UTC");
    expect(m365Time(at("2021-11-17T00:05:00Z"))).toBe("Wednesday, November 17, 2021, at 12:05 AM UTC");
  });

  const facts = (over: Partial<PostFacts["update"]> = {}): PostFacts => ({
    incident: { title: "Mail <delayed>", userImpact: "Users can't send mail.", scope: "EMEA users", rootCause: "A bad config push",
      startedAt: at("2026-03-04T09:00:00Z"), resolvedAt: at("2026-03-04T11:00:00Z") },
    update: { status: "identified", body: "We **found** it <script>alert(1)</script>", nextUpdateAt: at("2026-03-04T10:30:00Z"), review: false,
      changes: [{ name: "Mail flow", newStatus: "partial_outage" }], ...over },
  });

  it("follows Microsoft 365's order of sections, every value escaped", () => {
    const html = postContent(facts());
    const labels = [...html.matchAll(/<p>([A-Za-z ]+):/g)].map((m) => m[1]);
    expect(labels).toEqual(["Title", "User impact", "More info", "Current status", "Scope of impact", "Start time", "Root cause", "Next update by"]);
    expect(html).toContain("<p>Title: Mail &#60;delayed&#62;</p>");
    expect(html).toContain("<p>More info: Mail flow: Partial outage</p>");
    expect(html).toContain("<p>Next update by: Wednesday, March 4, 2026, at 10:30 AM UTC</p>");
    expect(html).not.toMatch(/<script/i);
  });

  it("adds End time once resolved and leaves out empty parts", () => {
    const html = postContent({ ...facts({ status: "resolved", nextUpdateAt: null, changes: [] }), incident: { ...facts().incident, scope: "", rootCause: "" } });
    const labels = [...html.matchAll(/<p>([A-Za-z ]+):/g)].map((m) => m[1]);
    expect(labels).toEqual(["Title", "User impact", "Current status", "Start time", "End time"]);
    expect(html).toContain("End time: Wednesday, March 4, 2026, at 11:00 AM UTC");
  });

  it("renders the review's post as safe HTML", () => {
    const html = postContent(facts({ review: true, body: "## Root cause\n\n<img src=x onerror=alert(1)> [x](javascript:alert(1))" }));
    expect(html).toContain("<h2>Root cause</h2>");
    expect(html).not.toMatch(/<img|href="javascript/i);
  });
});

describe("the review's entry is labelled in every channel's words", () => {
  it("chat messages and mail say Post-incident review, not Resolved", async () => {
    const { chatFacts } = await import("@/lib/channels/chat-facts");
    const { buildUpdateMail } = await import("@/lib/channels/email/build-update-mail");
    const base = { incidentId: "TM1", title: "Calls drop", status: "resolved" as const, body: "## Root cause\n\nA bad deploy.", nextUpdateAt: null, link: "https://s.test/incidents/TM1" };
    expect(chatFacts({ ...base, review: true }).status).toBe("Post-incident review");
    expect(chatFacts(base).status).toBe("Resolved");
    const mail = buildUpdateMail({
      incident: { id: "TM1", title: "Calls drop" }, update: { id: 9, status: "resolved", body: base.body, postedAt: 0, nextUpdateAt: null, review: true },
      earlierUpdateIds: [1], subscriberId: 3, publicUrl: "https://s.test", unsubscribeUrl: "https://s.test/u", manageUrl: "https://s.test/m", pageName: "S",
    });
    expect(JSON.stringify(mail)).toContain("Post-incident review");
  });
});

import { describe, expect, it } from "vitest";
import { buildNoticeMail } from "@/lib/notices/mail/build-notice-mail";
import { kindLabel } from "@/lib/notices/kinds";

const base = { id: 7, kind: "cert_expiry", level: "critical" as const, message: "Expires in 2 days <b>now</b>", createdAt: Date.UTC(2031, 0, 2, 3, 4), monitorId: 3, incidentId: null };

describe("notice mail", () => {
  it("names level and kind in a one-line subject and links the console page of the thing", () => {
    const m = buildNoticeMail({ notice: base, userId: 2, baseUrl: "https://status.example.com", pageName: "Acme\r\nBcc: evil@example.com" });
    expect(m.subject).toBe("[Acme Bcc: evil@example.com] Critical: Certificate expiry");
    expect(m.text).toContain("Open in the console: https://status.example.com/console/monitors/3");
    expect(m.text).toContain("Raised: 2 Jan 2031, 03:04 UTC");
    expect(m.html).toContain("Expires in 2 days &#60;b&#62;now&#60;/b&#62;");
    expect(m.messageId).toBe("<notice.7.u2@status.example.com>");
  });

  it("reads kinds nobody labelled as words", () => {
    expect(kindLabel("review_overdue")).toBe("Review overdue");
    expect(kindLabel("update_overdue")).toBe("Overdue update");
  });
});

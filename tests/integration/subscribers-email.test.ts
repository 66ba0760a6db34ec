import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { Parser } from "htmlparser2";
import { getDb } from "@/db/client";
import { deliveries, subscribers } from "@/db/schema";
import { dispatchDeliveries } from "@/lib/fanout/dispatch-deliveries";
import { postUpdate } from "@/lib/incidents/post-update";
import { confirmSubscription } from "@/lib/subscribers/confirm-subscription";
import { subscribeEmail } from "@/lib/subscribers/subscribe-email";
import { unsubscribe } from "@/lib/subscribers/unsubscribe";
import { updateFilter } from "@/lib/subscribers/update-filter";
import { payloads } from "@/tests/support/hostile-corpus";
import { open, responder, seedCatalog } from "@/tests/support/fixtures";
import { startSmtpSink, type SmtpSink } from "@/tests/support/smtp-sink";

let sink: SmtpSink;
const BASE = "https://status.example.com";
const dispatch = () => dispatchDeliveries({ holdLease: false });
const linkIn = (text: string, path: string) => new URL(new RegExp(`${BASE}${path}\\?token=[^\\s"<]+`).exec(text)?.[0] ?? "none:").searchParams.get("token") ?? "";
const header = (m: { headerLines: readonly { key: string; line: string }[] }, key: string) => m.headerLines.find((h) => h.key === key)?.line.replace(/^[^:]+:\s*/, "");

async function signUp(email: string, components: string[] = []) {
  await subscribeEmail({ email, components });
  const [mail] = await sink.mailsTo(email, 1);
  return mail!;
}

beforeAll(async () => {
  sink = await startSmtpSink();
  Object.assign(process.env, { SMTP_URL: sink.url, HERALD_MAIL_FROM: "Herald <status@example.com>", NEXTAUTH_URL: BASE, NEXTAUTH_SECRET: "test-secret-for-links", HERALD_CONFIRM_RESEND_MS: "300000" });
  await seedCatalog();
});
afterAll(async () => { await sink.close(); });
beforeEach(() => sink.reset());

describe("email subscribers over a real SMTP server", () => {
  it("confirms by POST only; nothing is sent before; a second signup within minutes sends no second mail", async () => {
    const confirmation = await signUp("Ada@Example.com");
    expect(confirmation.subject).toMatch(/^Confirm your subscription/);
    const token = linkIn(confirmation.text ?? "", "/subscriptions/confirm");
    expect(token).not.toBe("");

    await subscribeEmail({ email: "ada@example.com", components: [] });
    await new Promise((r) => setTimeout(r, 300));
    expect(sink.rcpt).toHaveLength(1); // at most one confirmation mail in the window

    const inc = await open({ title: "Pending check" });
    expect(await getDb().select().from(deliveries).where(and(eq(deliveries.incidentId, inc.id), eq(deliveries.channel, "email")))).toEqual([]);
    await dispatch();
    expect(sink.rcpt).toHaveLength(1);

    await expect(confirmSubscription("1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).rejects.toThrow(/not valid/);
    await confirmSubscription(token);
    await confirmSubscription(token); // twice is fine
    const row = (await getDb().select().from(subscribers).where(eq(subscribers.targetKey, "ada@example.com")).limit(1))[0];
    expect(row?.confirmedAt).not.toBeNull();
  });

  it("sends one threaded mail per update with text, HTML, List-Unsubscribe and a visible manage link; one-click unsubscribe stops them", async () => {
    const confirmation = await signUp("bea@example.com");
    await confirmSubscription(linkIn(confirmation.text ?? "", "/subscriptions/confirm"));
    sink.reset();
    const t0 = Date.now();
    const inc = await open({ title: "Sign-in failures", message: "Investigating **sign-in** failures." }, t0);
    await postUpdate(inc.id, { status: "identified", message: "An expired certificate.", nextUpdateAt: Date.UTC(2099, 0, 2, 3, 4) }, responder, { now: t0 + 1 });
    await dispatch();
    const mails = await sink.mailsTo("bea@example.com", 2);
    expect(mails.map((m) => m.subject)).toEqual([`[${inc.id}] Sign-in failures — Investigating`, `[${inc.id}] Sign-in failures — Identified`]);
    const [first, second] = mails;
    expect(second!.inReplyTo).toBe(first!.messageId);
    expect(second!.references).toEqual(first!.messageId);
    expect(first!.inReplyTo).toBeUndefined();
    expect(second!.text).toContain("Next update by: 2 Jan 2099, 03:04 UTC");
    expect(second!.text).toContain(`${BASE}/incidents/${inc.id}`);
    expect(first!.html).toContain("<strong>sign-in</strong>");
    expect(first!.html).toContain(`href="${BASE}/incidents/${inc.id}"`);
    expect(header(second!, "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    const unsubscribeUrl = /^<(.+)>$/.exec(header(second!, "list-unsubscribe") ?? "")?.[1] ?? "";
    expect(unsubscribeUrl.startsWith(`${BASE}/subscriptions/unsubscribe?token=`)).toBe(true);
    expect(linkIn(second!.text ?? "", "/subscriptions/manage")).not.toBe("");

    await unsubscribe(new URL(unsubscribeUrl).searchParams.get("token")!);
    sink.reset();
    await postUpdate(inc.id, { status: "resolved", message: "Fixed." }, responder, { now: t0 + 2 });
    await dispatch();
    await new Promise((r) => setTimeout(r, 300));
    expect(sink.rcpt.flat()).not.toContain("bea@example.com");
  });

  it("respects the component filter and can change it from the manage link", async () => {
    const confirmation = await signUp("cy@example.com", ["teams/chat"]);
    await confirmSubscription(linkIn(confirmation.text ?? "", "/subscriptions/confirm"));
    sink.reset();
    await open({ title: "Sign-in only" }); // affects teams/sign-in
    await dispatch();
    await new Promise((r) => setTimeout(r, 300));
    expect(sink.rcpt.flat()).not.toContain("cy@example.com");
    await expect(subscribeEmail({ email: "x@example.com", components: ["nope"] })).rejects.toThrow(/Unknown components: nope/);

    const manage = (await import("@/lib/channels/email/links")).subscriberLinks(BASE, (await getDb().select().from(subscribers).where(eq(subscribers.targetKey, "cy@example.com")).limit(1))[0]!).manage;
    await updateFilter(new URL(manage).searchParams.get("token")!, ["sign-in"]);
    await open({ title: "Sign-in again" });
    await dispatch();
    const got = await sink.mailsTo("cy@example.com", 1);
    expect(got.map((m) => m.subject)).toEqual([expect.stringContaining("Sign-in again")]);
  });

  it("keeps hostile titles and bodies inert in the HTML part and out of the headers", async () => {
    const confirmation = await signUp("dee@example.com");
    await confirmSubscription(linkIn(confirmation.text ?? "", "/subscriptions/confirm"));
    sink.reset();
    const hostile = payloads("http://127.0.0.1:9/canary").slice(0, 12);
    const inc = await open({ title: `Evil\r\nBcc: victim@example.com ${hostile[0]}`.slice(0, 200), message: hostile.join("\n\n") });
    await dispatch();
    const [mail] = await sink.mailsTo("dee@example.com", 1);
    expect(mail?.bcc).toBeUndefined();
    expect(sink.rcpt.filter((r) => r.includes("victim@example.com"))).toEqual([]);
    // Parse the HTML part as a mail client would and list every element and attribute in it.
    const tags: { name: string; attrs: Record<string, string> }[] = [];
    const parser = new Parser({ onopentag: (name, attrs) => tags.push({ name, attrs }) });
    parser.write(String(mail!.html)); parser.end();
    expect(tags.filter((t) => /^(script|iframe|object|embed|img|svg|form|meta|link|style)$/.test(t.name))).toEqual([]);
    expect(tags.flatMap((t) => Object.keys(t.attrs)).filter((a) => /^on/i.test(a))).toEqual([]);
    for (const t of tags) expect(t.attrs.href ?? "").not.toMatch(/^\s*(javascript|data|vbscript):/i);
    expect(mail!.subject).toContain(inc.id);
  });
});

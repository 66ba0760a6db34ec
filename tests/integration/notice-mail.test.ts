import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "@/lib/users/create-user";
import { dispatchDeliveries } from "@/lib/fanout/dispatch-deliveries";
import { claimNoticeMails } from "@/lib/notices/mail/claim-notice-mails";
import { enqueueNoticeMails } from "@/lib/notices/mail/enqueue-notice-mails";
import { mailNotices } from "@/lib/notices/mail/mail-notices";
import { raiseOverdueNotices } from "@/lib/notices/raise-overdue-notices";
import { setNoticeMail } from "@/lib/people/set-notice-mail";
import type { UserActor } from "@/lib/auth/session";
import { open, responder as responderActor, seedCatalog } from "@/tests/support/fixtures";
import { startSmtpSink, type SmtpSink } from "@/tests/support/smtp-sink";
import { addSubscriber } from "@/tests/support/subscribers";

const BASE = "https://status.example.com";
const MIN = 60_000;
// The injected clock runs ten minutes behind the wall clock, so notices the dispatcher raises in real time come after the opt-ins.
const T = Date.now() - 10 * MIN;
const at = (m: number) => new Date(T + m * MIN).toISOString();
const HOSTILE = `<script>alert(1)</script><img src=x onerror=alert(2)> "Q" & 'A'`;
const responder = responderActor as UserActor;
let sink: SmtpSink;
let oncall: UserActor;
const to = (address: string) => sink.mails.filter((m) => JSON.stringify(m.to ?? "").includes(address));

beforeAll(async () => {
  sink = await startSmtpSink({ refuse: /^dead@/ });
  Object.assign(process.env, { SMTP_URL: sink.url, HERALD_MAIL_FROM: "Herald <status@example.com>", NEXTAUTH_URL: BASE });
  await seedCatalog();
  const u = await createUser({ email: "oncall@herald.test", password: "a long enough password", name: "Olive Oncall" }, null);
  oncall = { kind: "user", userId: u.id, email: u.email, name: u.name, role: "responder" };
});
afterAll(async () => { await sink.close(); });

describe("responder mail for notices over a real SMTP server", () => {
  it("mails each new notice once to every responder who chose its level, none to others, none twice, none from before opting in", async () => {
    const before = await open({ title: "Before anyone opted in", nextUpdateAt: at(1) }, T);
    expect((await raiseOverdueNotices(T + 2 * MIN)).raised).toEqual([before.id]);
    await setNoticeMail({ noticeMail: "warning" }, responder, T + 3 * MIN);
    await setNoticeMail({ noticeMail: "critical" }, oncall, T + 3 * MIN);

    await addSubscriber("email", "dead@example.net");
    const inc = await open({ title: HOSTILE, nextUpdateAt: at(4) }, T + 3 * MIN);
    expect((await raiseOverdueNotices(T + 5 * MIN)).raised).toEqual([inc.id]);
    await dispatchDeliveries({ holdLease: false }); // the SMTP server refuses dead@ for good: a dead delivery

    const outcomes = await mailNotices();
    expect(outcomes).toEqual(["sent", "sent", "sent"]);
    await sink.waitFor(3);
    const mine = to("responder@herald.test");
    expect(mine.map((m) => m.subject).sort()).toEqual([`[Herald status] Critical: Dead delivery — ${inc.id}`, `[Herald status] Warning: Overdue update — ${inc.id}`]);
    expect(to("oncall@herald.test").map((m) => m.subject)).toEqual([`[Herald status] Critical: Dead delivery — ${inc.id}`]);
    expect(to("admin@herald.test")).toEqual([]);
    expect(sink.rcpt).toHaveLength(3); // nothing about the notice raised before the opt-in

    const overdue = mine.find((m) => m.subject?.includes("Overdue"))!;
    expect(overdue.text).toContain(`Open in the console: ${BASE}/console/incidents/${inc.id}`);
    expect(overdue.text).toContain(HOSTILE); // plain text carries the title as written
    expect(overdue.html).toContain(`href="${BASE}/console/incidents/${inc.id}"`);
    expect(overdue.html).not.toMatch(/<script|<img/);
    expect(overdue.html).toContain("&#60;script&#62;alert(1)&#60;/script&#62;");
    const dead = mine.find((m) => m.subject?.includes("Dead"))!;
    expect(dead.text).toContain(`${BASE}/console/deliveries?state=dead`);
    expect(dead.text).toMatch(/550/);

    // A restart runs the same pass again from the database: nothing is sent twice.
    expect(await mailNotices()).toEqual([]);
    await new Promise((r) => setTimeout(r, 300));
    expect(sink.rcpt).toHaveLength(3);
  });

  it("a process that claimed a mail and died before sending: the mail goes once, after the claim goes stale", async () => {
    sink.reset();
    const inc = await open({ title: "Claimed then crashed", nextUpdateAt: at(6) }, T + 5 * MIN);
    await raiseOverdueNotices(T + 7 * MIN);
    expect(await enqueueNoticeMails(Date.now())).toBe(1); // responder only: oncall chose critical
    expect(await claimNoticeMails(Date.now(), 50, MIN)).toHaveLength(1); // ... and then the process dies

    expect(await mailNotices({ staleMs: MIN })).toEqual([]); // the claim is fresh: another holder may be sending
    const later = () => Date.now() + MIN + 1_000;
    expect(await mailNotices({ now: later, staleMs: MIN })).toEqual(["sent"]);
    expect(await mailNotices({ now: later, staleMs: MIN })).toEqual([]);
    const mails = await sink.mailsTo("responder@herald.test", 1);
    expect(mails.map((m) => m.subject)).toEqual([`[Herald status] Warning: Overdue update — ${inc.id}`]);
    await new Promise((r) => setTimeout(r, 300));
    expect(sink.rcpt).toHaveLength(1);
  });

  it("turning mail off stops it; with SMTP unset nothing is queued", async () => {
    sink.reset();
    await setNoticeMail({ noticeMail: "off" }, responder, T + 8 * MIN);
    const inc = await open({ title: "After opting out", nextUpdateAt: at(9) }, T + 8 * MIN);
    await raiseOverdueNotices(T + 10 * MIN);
    expect(await mailNotices()).toEqual([]);
    const url = process.env.SMTP_URL;
    delete process.env.SMTP_URL;
    try {
      await setNoticeMail({ noticeMail: "info" }, responder, T + 10 * MIN);
      await open({ title: `Mail is off ${inc.id}`, nextUpdateAt: at(11) }, T + 10 * MIN);
      await raiseOverdueNotices(T + 12 * MIN);
      expect(await mailNotices()).toEqual([]);
    } finally {
      process.env.SMTP_URL = url;
    }
    expect(sink.rcpt).toHaveLength(0);
  });
});

import { expect, test } from "@playwright/test";
import { startApp, tokenFor, type AppServer } from "@/tests/support/app-server";
import { startSmtpSink, type SmtpSink } from "@/tests/support/smtp-sink";
import { created, FAST, query, sleep } from "@/tests/faults/support";

// SIGKILL the server while an update goes out to 400 email subscribers through a slow SMTP server.
// Mail has no idempotency key, so a crash may repeat the sends it had not yet stored: outcomes are
// stored in small groups as they finish, so that is a handful of mails, never a whole batch.
const READERS = 400;
const MAX_REPEATS = 30; // one group of 20 stored outcomes + 10 sends in flight (HERALD_MAIL_CONNECTIONS 5 × 2)

test.describe("fault: SIGKILL mid-send to email subscribers", () => {
  let sink: SmtpSink, app: AppServer | undefined;
  test.afterAll(async () => { await app?.stop(); await sink?.close(); });

  test("every subscriber gets the update, and the crash repeats only a handful of mails", async () => {
    test.setTimeout(150_000);
    sink = await startSmtpSink({ parse: false, delayMs: 15 });
    const env = { ...FAST, SMTP_URL: sink.url, HERALD_MAIL_FROM: "status@example.com" };
    app = await startApp({ seed: "catalog", env });
    const admin = await tokenFor(app, "admin@herald.test");
    const addresses = Array.from({ length: READERS }, (_, i) => `reader${i}@example.com`);
    // Imported by an admin through the API: active without a confirmation mail.
    for (let i = 0; i < READERS; i += 20) {
      await Promise.all(addresses.slice(i, i + 20).map((target) => created(app!, admin, "/subscribers", { channel: "email", target })));
    }
    expect(sink.rcpt.length).toBe(0);

    await created(app, admin, "/incidents", { service: "teams", title: "Mail storm", message: "Investigating." });
    for (const end = Date.now() + 30_000; sink.rcpt.length < 120 && Date.now() < end;) await sleep(2);
    const atKill = sink.rcpt.length;
    await app.kill();
    expect(atKill).toBeGreaterThanOrEqual(120);
    expect(atKill).toBeLessThan(READERS); // killed mid-send, not after

    app = await startApp({ dbPath: app.dbPath, seed: "none", env });
    const received = () => new Set(sink.rcpt.flat());
    for (const end = Date.now() + 60_000; received().size < READERS && Date.now() < end;) await sleep(100);
    await sleep(1_000); // nothing more should come
    expect([...addresses].filter((a) => !received().has(a))).toEqual([]);
    const repeats = sink.rcpt.length - READERS;
    expect(repeats).toBeLessThanOrEqual(MAX_REPEATS);
    const [row] = query<{ sent: number }>(app.dbPath, "SELECT count(*) AS sent FROM deliveries WHERE channel = 'email' AND state = 'sent'");
    expect(row?.sent).toBe(READERS);
  });
});

import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { KNOWN_PASSWORD, runScript, startApp, tokenFor, type AppServer } from "@/tests/support/app-server";
import { startFakeX, type FakeX } from "@/tests/support/fake-x-server";
import { httpSignIn } from "@/tests/support/security-kit";

/*
 * Demo data never reaches the world (issue 9, finding 4): `npm run db:seed` with X credentials
 * set posts nothing, and the accounts it makes have a random password printed once, not the
 * README's. Runs the real script and `npm start` against a fake X on 127.0.0.1.
 */

const xEnv = (fake: FakeX) => ({ X_API_KEY: "f-key", X_API_SECRET: "f-secret", X_ACCESS_TOKEN: "f-token", X_ACCESS_SECRET: "f-token-secret", X_API_BASE_URL: fake.url });
const tweets = (fake: FakeX) => fake.requests.filter((r) => r.method === "POST" && r.path === "/2/tweets");

let fake: FakeX, app: AppServer, printed: string;
test.beforeAll(async () => {
  fake = await startFakeX();
  const dir = fs.mkdtempSync(path.join(import.meta.dirname, "../.tmp/seed-"));
  const dbPath = path.join(dir, "herald.db");
  const env = { DATABASE_URL: dbPath, ...xEnv(fake) };
  // The environment of a real install: whatever the machine running the tests has set is not it.
  delete process.env.HERALD_DEMO_PASSWORD;
  printed = await runScript("seed.ts", [], env); // exactly `npm run db:seed` on an empty database
  app = await startApp({ dbPath, seed: "none", env: { ...xEnv(fake), HERALD_DISPATCH_TICK_MS: "200" } });
});
test.afterAll(async () => { await app?.stop(); await fake?.close(); });

test("seeded demo incidents are never posted, while a real one is", async () => {
  // Ten dispatcher ticks: the old seed queued four updates that went out within the first one.
  await new Promise((r) => setTimeout(r, 2_000));
  expect(tweets(fake)).toEqual([]);
  const status = await (await fetch(`${app.url}/api/v2/incidents.json`)).json() as { incidents: { name: string }[] };
  expect(status.incidents.map((i) => i.name)).toContain("Users can't sign in to Microsoft Teams"); // the demo data is there

  // The channel works: an incident a responder opens is posted within a few ticks.
  const token = await tokenFor(app);
  const res = await fetch(`${app.url}/api/v1/incidents`, {
    method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ service: "teams", title: "Real outage", message: "Investigating a real outage." }),
  });
  expect(res.status).toBe(201);
  await expect.poll(() => tweets(fake).length, { timeout: 10_000 }).toBe(1);
});

test("db:seed prints a random password once; it works and the README's does not", async () => {
  const lines = printed.split("\n").filter((l) => /@herald\.test \/ /.test(l));
  expect(lines).toHaveLength(2);
  const passwords = lines.map((l) => l.split(" / ")[1]?.trim() ?? "");
  for (const p of passwords) expect(p).toMatch(/^[A-Za-z0-9_-]{32}$/);
  expect(new Set(passwords).size).toBe(2); // each account its own
  expect(printed).not.toContain(KNOWN_PASSWORD);

  const [admin, responder] = [lines.find((l) => l.includes("admin@")), lines.find((l) => l.includes("responder@"))].map((l) => l?.split(" / ")[1]?.trim() ?? "");
  expect((await httpSignIn(app, "responder@herald.test", responder ?? "")).session).not.toBeNull();
  expect((await httpSignIn(app, "admin@herald.test", admin ?? "")).session).not.toBeNull();
  const readme = await httpSignIn(app, "responder@herald.test", KNOWN_PASSWORD);
  expect(readme.session).toBeNull();
  expect(readme.error).toBe("CredentialsSignin");

  // A second run leaves the database and its accounts alone and prints no password.
  const again = await runScript("seed.ts", [], { DATABASE_URL: app.dbPath });
  expect(again).toMatch(/already has data/);
  expect(again).not.toMatch(/ \/ /);
});

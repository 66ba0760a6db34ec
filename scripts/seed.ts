import { DEMO_PASSWORD_ENV, seed } from "@/db/seed";
import { closeDb, ready } from "@/db/client";
import { describeDatabase } from "@/db/dialect";

// Only `npm run demo` (and the tests) set the env var; otherwise every account gets a random password.
const known = process.env[DEMO_PASSWORD_ENV]?.trim() || undefined;
await ready();
const { seeded, accounts } = await seed({ incidents: !process.argv.includes("--no-incidents"), password: known });
console.log(seeded ? `Seeded demo data into ${describeDatabase()}` : `Database ${describeDatabase()} already has data; left as it is`);
if (accounts.length) {
  console.log(known ? `Accounts (password from ${DEMO_PASSWORD_ENV}):` : "Accounts (passwords shown once; keep them or change them now):");
  for (const u of accounts) console.log(`  ${u.role.padEnd(9)} ${u.email} / ${known ? "(as set)" : u.password}`);
}
await closeDb();

import { DEMO_PASSWORD, DEMO_USERS, seed } from "@/db/seed";
import { databasePath } from "@/db/open";

const { seeded } = await seed({ incidents: !process.argv.includes("--no-incidents") });
console.log(seeded ? `Seeded demo data into ${databasePath()}` : `Database ${databasePath()} already has data; left as it is`);
for (const u of DEMO_USERS) console.log(`  ${u.role.padEnd(9)} ${u.email} / ${DEMO_PASSWORD}`);

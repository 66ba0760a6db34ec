import { closeDb, ready } from "@/db/client";
import { describeDatabase } from "@/db/dialect";

await ready(); // opening migrates
await closeDb();
console.log(`Database ready at ${describeDatabase()}`);

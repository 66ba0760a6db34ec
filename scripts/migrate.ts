import { describeDatabase } from "@/db/dialect";
import { run } from "@/scripts/args";

// run() opens the database (which migrates it) and closes it afterwards.
await run(async () => { console.log(`Database ready at ${describeDatabase()}`); });

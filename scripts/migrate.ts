import { databasePath, openDatabase } from "@/db/open";

openDatabase().sqlite.close();
console.log(`Database ready at ${databasePath()}`);

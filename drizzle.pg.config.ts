import { defineConfig } from "drizzle-kit";

// The PostgreSQL twin (db/pg/schema.ts, derived from db/schema.ts); `npm run db:generate` runs both.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/pg/schema.ts",
  out: "./db/pg/migrations",
  strict: true,
  verbose: true,
});

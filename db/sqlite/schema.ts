// db/schema.ts itself, whatever DATABASE_URL says (`@/db/schema` is the active dialect's: db/tables.ts).
// For code about the two dialects' tables: tests of the twins and of the switch.
export * from "../schema";

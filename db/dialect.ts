import path from "node:path";

/** Which database DATABASE_URL names: a postgres:// or postgresql:// URL is PostgreSQL, anything else a SQLite file. */
export type Dialect = "sqlite" | "pg";

export const isPostgresUrl = (url: string | undefined): boolean => /^postgres(ql)?:\/\//i.test(url ?? "");

export function databaseUrl(): string {
  return process.env.DATABASE_URL ?? "";
}

export function activeDialect(): Dialect {
  return isPostgresUrl(databaseUrl()) ? "pg" : "sqlite";
}

/** DATABASE_URL for messages: the SQLite file, or the PostgreSQL URL without its password. */
export function describeDatabase(): string {
  const url = databaseUrl();
  if (!isPostgresUrl(url)) return path.resolve(/*turbopackIgnore: true*/ url.replace(/^file:/, "") || "./data/herald.db");
  const u = new URL(url);
  if (u.password) u.password = "***";
  return u.toString();
}

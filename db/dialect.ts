/** Which database DATABASE_URL names: a postgres:// or postgresql:// URL is PostgreSQL, anything else a SQLite file. */
export type Dialect = "sqlite" | "pg";

export const isPostgresUrl = (url: string | undefined): boolean => /^postgres(ql)?:\/\//i.test(url ?? "");

export function databaseUrl(): string {
  return process.env.DATABASE_URL ?? "";
}

export function activeDialect(): Dialect {
  return isPostgresUrl(databaseUrl()) ? "pg" : "sqlite";
}

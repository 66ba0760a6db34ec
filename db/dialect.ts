export type Dialect = "sqlite" | "postgres";

/** Which database a DATABASE_URL names: postgres:// or postgresql:// is PostgreSQL; a path or file: URL is SQLite. */
export function dialectOf(url: string | undefined): Dialect {
  return /^postgres(?:ql)?:\/\//i.test(url?.trim() ?? "") ? "postgres" : "sqlite";
}

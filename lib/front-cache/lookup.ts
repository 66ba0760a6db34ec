import Database from "better-sqlite3";
import type { Lookup } from "@/lib/front-cache/policy";

/**
 * The facts the front cache needs to canonicalise a URL, read on the main thread through its own
 * read-only connection (indexed point queries, microseconds): which incident IDs exist, and which
 * `?before=` cursors start a history page. Each read sees the latest commit.
 */
export function openLookup(file: string): Lookup & { close(): void } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const exists = db.prepare("SELECT 1 FROM incidents WHERE id = ?").pluck();
  // History shows incidents with started_at < before: the smallest started_at at or above
  // `before` selects exactly the same rows, so it is the one key for all of them.
  const cursor = db.prepare("SELECT min(started_at) FROM incidents WHERE started_at >= ?").pluck();
  // Incidents are never deleted: an ID once found stays found (bounded: a reader's ID set, not a flood's).
  const known = new Set<string>();
  return {
    incidentExists: (id) => {
      if (known.has(id)) return true;
      if (exists.get(id) === undefined) return false;
      if (known.size >= 10_000) known.clear();
      known.add(id);
      return true;
    },
    historyCursor: (before) => {
      const c = cursor.get(before);
      return typeof c === "number" ? c : null;
    },
    close: () => db.close(),
  };
}

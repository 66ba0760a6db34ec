import Database from "better-sqlite3";

/**
 * Calls `onChange` when any connection (this process, another instance, a CLI script) commits
 * to the database. PRAGMA data_version is a cheap counter read: a few per second cost nothing.
 */
export function watchDatabase(file: string, onChange: () => void, intervalMs = 200): () => void {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  let last = db.pragma("data_version", { simple: true });
  const timer = setInterval(() => {
    try {
      const v = db.pragma("data_version", { simple: true });
      if (v !== last) { last = v; onChange(); }
    } catch (err) {
      console.error("[herald] change watch failed", err);
    }
  }, intervalMs);
  timer.unref();
  return () => { clearInterval(timer); db.close(); };
}

import Database from "better-sqlite3";

// What the public surface shows changes only when one of these does. Leases, check results,
// audit rows and token use also commit, and must not flush the cache.
// Each part is coalesced: one NULL (no groups yet, an empty table) would make the whole string NULL.
const FINGERPRINT = `SELECT
  coalesce((SELECT max(id) FROM incident_updates), 0) || ':' || (SELECT coalesce(max(edited_at), 0) FROM incident_updates) || ':' ||
  (SELECT count(*) FROM incidents) || ':' ||
  coalesce((SELECT max(updated_at) FROM components), 0) || ':' || (SELECT count(*) FROM components) || ':' ||
  (SELECT count(*) FROM services) || ':' ||
  coalesce((SELECT group_concat(id || name || hidden || coalesce(archived_at, '') || position || id_prefix, ',') FROM services), '') || ':' ||
  coalesce((SELECT group_concat(id || name, ',') FROM component_groups), '') || ':' || (SELECT count(*) FROM deliveries WHERE remote_id IS NOT NULL) || ':' ||
  coalesce((SELECT max(updated_at) FROM settings WHERE key = 'page'), 0) || ':' ||
  coalesce((SELECT group_concat(sha256) FROM page_assets), '') AS v`;

/**
 * Calls `onChange` when a commit by any connection (this process, another instance, a CLI
 * script, a restore) changes public data. PRAGMA data_version is a counter read that gates the
 * fingerprint query, so an idle database costs a few trivial reads per second.
 */
export function watchDatabase(file: string, onChange: () => void, intervalMs = 200) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const fingerprint = db.prepare(FINGERPRINT).pluck();
  let version = db.pragma("data_version", { simple: true });
  let last = fingerprint.get();
  /** Take the database's current state as seen; true when public data changed since last look. */
  const sync = (): boolean => {
    version = db.pragma("data_version", { simple: true });
    const f = fingerprint.get();
    const changed = f !== last;
    last = f;
    return changed;
  };
  const timer = setInterval(() => {
    try {
      if (db.pragma("data_version", { simple: true }) !== version && sync()) onChange();
    } catch (err) {
      console.error("[herald] change watch failed", err);
    }
  }, intervalMs);
  timer.unref();
  return { sync, close: () => { clearInterval(timer); db.close(); } };
}

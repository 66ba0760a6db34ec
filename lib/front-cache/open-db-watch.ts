import { isPostgresUrl } from "@/db/dialect";
import { databasePath, openDatabase } from "@/db/open";
import type { Change } from "@/lib/events/after-commit";
import { watchDatabase } from "@/lib/front-cache/change-watch";
import { openLookup } from "@/lib/front-cache/lookup";
import { openPgLookup } from "@/lib/front-cache/pg-lookup";
import { watchPg } from "@/lib/front-cache/pg-watch";
import type { Lookup } from "@/lib/front-cache/policy";

export type DbWatch = {
  lookup: Lookup;
  /** The renderer committed `change` (it told us directly): take it as seen. */
  committed(change: Change): void;
  /** False while commits by other instances cannot reach us (PostgreSQL's LISTEN connection is down). */
  readonly listening: boolean;
  close(): Promise<void>;
};

/** On SQLite the main thread reads the file itself: create and migrate it before the renderer starts. */
export function prepareDbWatch(url: string | undefined): void {
  if (!isPostgresUrl(url)) openDatabase(databasePath()).sqlite.close();
}

/**
 * The main thread's view of the database, chosen by DATABASE_URL: on SQLite the file itself
 * (polled data_version, point queries); on PostgreSQL LISTEN/NOTIFY and a snapshot of incidents.
 * `onChange` runs for commits made elsewhere (another instance, a CLI script).
 */
export function openDbWatch(url: string | undefined, onChange: () => void): DbWatch {
  if (!isPostgresUrl(url)) {
    const lookup = openLookup(databasePath());
    const watch = watchDatabase(databasePath(), onChange);
    return {
      lookup, listening: true,
      committed: () => void watch.sync(),
      close: async () => { watch.close(); lookup.close(); },
    };
  }
  const lookup = openPgLookup(url ?? "");
  const watch = watchPg(url ?? "", (change) => {
    if (change.kind === "incident" || change.kind === "everything") lookup.refresh();
    onChange();
  });
  return {
    lookup,
    get listening() { return watch.connected; },
    committed: (change) => { if (change.kind === "incident") lookup.refresh(); },
    close: async () => { await watch.close(); await lookup.close(); },
  };
}

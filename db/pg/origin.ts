import { randomUUID } from "node:crypto";
import { hostname } from "node:os";

/**
 * This process's name in the NOTIFY payloads it sends, so its own watcher can skip them (its
 * renderer reports its commits directly). Kept in the environment, where the renderer thread
 * inherits it; a child process inherits it too, but has another pid, so it names itself anew.
 */
export function originId(): string {
  const mine = `${hostname()}:${process.pid}:`;
  const inherited = process.env.HERALD_ORIGIN_ID;
  if (inherited?.startsWith(mine)) return inherited;
  const id = `${mine}${randomUUID().slice(0, 8)}`;
  process.env.HERALD_ORIGIN_ID = id;
  return id;
}

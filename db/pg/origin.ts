import { randomUUID } from "node:crypto";
import { hostname } from "node:os";

/**
 * This process's name in the NOTIFY payloads it sends, so its own watcher can skip them (its
 * renderer reports its commits directly). Kept in the environment: the renderer thread inherits it.
 */
export function originId(): string {
  return (process.env.HERALD_ORIGIN_ID ||= `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`);
}

import type { Result } from "autocannon";
import { runJson } from "@/scripts/bench/child";

/** autocannon in a child process, apart from both Herald and the bare server. */
export function load(url: string, seconds: number, acceptEncoding = "", connections = 64, flood = false): Promise<Result> {
  return runJson<Result>("scripts/bench/load.ts", [JSON.stringify({ url, connections, seconds, acceptEncoding, flood })]);
}

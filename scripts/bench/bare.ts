import os from "node:os";
import path from "node:path";
import fs from "node:fs";
import { capture, type Captured } from "@/scripts/bench/capture";
import { startListening } from "@/scripts/bench/child";

/**
 * The baseline: capture `paths` from Herald now, under `acceptEncoding`, and serve the very same
 * statuses, headers and bytes from a bare node:http server in its own process.
 */
export async function startBare(herald: string, paths: string[], acceptEncoding: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "herald-bare-"));
  const file = path.join(dir, "captured.json");
  const captured: Captured[] = await capture(herald, paths, acceptEncoding, file);
  const bare = await startListening("scripts/bench/bare-server.ts", [file]);
  return { ...bare, captured, close: () => { bare.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
}

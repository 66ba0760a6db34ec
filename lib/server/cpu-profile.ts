import fs from "node:fs";
import { Session } from "node:inspector/promises";
import path from "node:path";
import { threadId } from "node:worker_threads";

/**
 * HERALD_CPU_PROFILE=<dir>: profile this thread (the renderer) from now until the returned stop,
 * which writes a .cpuprofile there (open it in Chrome DevTools). For `npm run bench` diagnosis only.
 */
export async function startCpuProfile(): Promise<() => Promise<void>> {
  const dir = process.env.HERALD_CPU_PROFILE;
  if (!dir) return async () => {};
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 500 });
  await session.post("Profiler.start");
  return async () => {
    const { profile } = await session.post("Profiler.stop");
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `renderer-${process.pid}-${threadId}-${Date.now()}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  };
}

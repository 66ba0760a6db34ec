import { Worker } from "node:worker_threads";
import type { Change } from "@/lib/events/after-commit";

export type Renderer = { port: number; onCommitted(listener: (change: Change) => void): void; shutdown(): Promise<void> };

/** Start Next in a worker thread; resolves with its loopback port once it serves. */
export function startRenderer(publicHost: string, publicPort: number): Promise<Renderer> {
  // The renderer's heap is bounded on its own (HERALD_HEAP_MB): a bound keeps a busy server's
  // memory from drifting upward, and the cache in the main thread lives outside it (Buffers).
  const heapMb = Number(process.env.HERALD_HEAP_MB) || 192;
  const worker = new Worker(new URL("./worker-boot.mjs", import.meta.url), {
    workerData: { hostname: publicHost, port: publicPort },
    resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 24 },
  });
  const listeners: ((change: Change) => void)[] = [];
  // A planned stop: the renderer releases its job leases so another instance takes over at once.
  const shutdown = () => new Promise<void>((done) => {
    worker.on("message", (m: { type: string }) => { if (m.type === "stopped") done(); });
    worker.postMessage({ type: "shutdown" });
    setTimeout(done, 2_000).unref();
  });
  return new Promise((resolve, reject) => {
    worker.on("message", (m: { type: string; port?: number; change?: Change }) => {
      if (m.type === "ready" && m.port) resolve({ port: m.port, onCommitted: (l) => listeners.push(l), shutdown });
      if (m.type === "committed" && m.change) for (const l of listeners) l(m.change);
    });
    worker.on("error", (err) => { console.error("[herald] renderer crashed", err); reject(err); });
    // Without its renderer the server is useless: exit so the supervisor restarts it whole.
    worker.on("exit", (code) => { console.error(`[herald] renderer stopped (${code})`); process.exit(1); });
  });
}

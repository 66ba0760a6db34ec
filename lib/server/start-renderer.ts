import { Worker } from "node:worker_threads";
import type { Change } from "@/lib/events/after-commit";
import { restartDelay } from "@/lib/server/restart-delay";

export type Renderer = {
  /** The renderer's loopback port, or 0 while it is down and restarting. */
  readonly port: number;
  onCommitted(listener: (change: Change) => void): void;
  shutdown(): Promise<void>;
};

// A renderer that served this long before it died starts again after the shortest wait.
const STABLE_MS = 60_000;

function boot(publicHost: string, publicPort: number, onMessage: (m: { type: string; change?: Change }) => void) {
  // The renderer's heap is bounded on its own (HERALD_HEAP_MB): a bound keeps a busy server's
  // memory from drifting upward, and the cache in the main thread lives outside it (Buffers).
  const heapMb = Number(process.env.HERALD_HEAP_MB) || 192;
  const worker = new Worker(new URL("./worker-boot.mjs", import.meta.url), {
    workerData: { hostname: publicHost, port: publicPort },
    resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 24 },
  });
  worker.on("message", onMessage);
  // An 'error' listener keeps a renderer's crash (out of memory, a throw) inside its thread.
  worker.on("error", (err) => console.error("[herald] renderer crashed", err));
  const ready = new Promise<number>((resolve, reject) => {
    worker.on("message", (m: { type: string; port?: number }) => { if (m.type === "ready" && m.port) resolve(m.port); });
    worker.once("exit", (code) => reject(new Error(`renderer stopped before it was ready (${code})`)));
  });
  return { worker, ready };
}

/**
 * Start Next in a worker thread; resolves once it serves. When it dies later it is started
 * again, after a wait that doubles from 0.5 s to 30 s while it keeps dying; the process lives on.
 */
export async function startRenderer(publicHost: string, publicPort: number): Promise<Renderer> {
  const listeners: ((change: Change) => void)[] = [];
  const onMessage = (m: { type: string; change?: Change }) => {
    if (m.type === "committed" && m.change) for (const l of listeners) l(m.change);
  };
  let port = 0, attempt = 0, stopping = false;
  let current = boot(publicHost, publicPort, onMessage);

  const watch = (worker: Worker, upAt: number) => {
    worker.once("exit", (code) => {
      port = 0;
      if (stopping) return;
      if (Date.now() - upAt >= STABLE_MS) attempt = 0;
      const wait = restartDelay(attempt++);
      console.error(`[herald] renderer stopped (${code}); starting it again in ${wait} ms`);
      setTimeout(restart, wait);
    });
  };
  const restart = () => {
    if (stopping) return;
    current = boot(publicHost, publicPort, onMessage);
    current.ready.then((p) => {
      port = p;
      console.error(`[herald] renderer is back on port ${p}`);
      watch(current.worker, Date.now());
    }, () => {
      const wait = restartDelay(attempt++);
      console.error(`[herald] renderer failed to start; trying again in ${wait} ms`);
      setTimeout(restart, wait);
    });
  };

  // The first start must succeed: a renderer that cannot start at all is a broken install.
  port = await current.ready;
  watch(current.worker, Date.now());

  // A planned stop: the renderer releases its job leases so another instance takes over at once.
  const shutdown = () => new Promise<void>((done) => {
    stopping = true;
    const { worker } = current;
    worker.on("message", (m: { type: string }) => { if (m.type === "stopped") done(); });
    worker.once("exit", () => done());
    worker.postMessage({ type: "shutdown" });
    setTimeout(done, 2_000).unref();
  });
  return { get port() { return port; }, onCommitted: (l) => void listeners.push(l), shutdown };
}

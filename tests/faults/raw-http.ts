import net from "node:net";
import { sleep } from "@/tests/faults/support";

export type RawAnswer = { status: number | null; head: string; body: string; closedAfterMs: number; error: string | null };

/**
 * One request over a bare socket, written as `parts` with `gapMs` between them (a slow or a huge
 * upload). Returns the status line the server answered with, if any, and when it hung up.
 * Writes stop at the first answer or hang-up: the client does not push bytes at a closed door.
 */
export function rawRequest(port: number, parts: (string | Buffer)[], gapMs = 0, maxMs = 60_000): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const started = Date.now();
    let text = "", error: string | null = null, done = false;
    const socket = net.connect(port, "127.0.0.1");
    const finish = () => {
      if (done) return;
      done = true;
      socket.destroy();
      const [head = "", body = ""] = text.split("\r\n\r\n", 2);
      const m = /^HTTP\/1\.1 (\d{3})/.exec(head);
      resolve({ status: m ? Number(m[1]) : null, head, body, closedAfterMs: Date.now() - started, error });
    };
    socket.on("data", (d: Buffer) => { text += d.toString("latin1"); });
    socket.on("error", (e) => { error = e.message; finish(); });
    socket.on("close", finish);
    setTimeout(finish, maxMs).unref();
    void (async () => {
      for (const part of parts) {
        if (done || text || socket.destroyed) return;
        if (!socket.write(part)) await new Promise((r) => socket.once("drain", r).once("close", r));
        if (gapMs) await sleep(gapMs);
      }
    })();
  });
}

/** `[[],[],…]` of about `bytes` bytes: cheap to send, expensive for a JSON parser to hold. */
export function nestedArrays(bytes: number): Buffer {
  const n = Math.floor((bytes - 2) / 3);
  return Buffer.from(`[${"[],".repeat(n - 1)}[]]`);
}

/** Request head with the given headers; the body, if any, follows as separate parts. */
export const head = (method: string, path: string, headers: Record<string, string | number>) =>
  `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join("")}\r\n`;

/** Split a buffer into chunked-encoding frames of `size` bytes (the terminator not included). */
export function chunked(body: Buffer, size: number): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < body.length; i += size) {
    const part = body.subarray(i, i + size);
    out.push(Buffer.concat([Buffer.from(`${part.length.toString(16)}\r\n`), part, Buffer.from("\r\n")]));
  }
  return out;
}

import net from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { probe } from "@/lib/certs/probe";
import { SMTP_REPLY_LIMITS } from "@/lib/certs/smtp-starttls";

/*
 * A hostile mail server on 127.0.0.1 (issue 9, finding 5): endless 2 KB continuation lines must
 * end the STARTTLS probe at the reply cap, long before its deadline, and what the server said
 * reaches the stored error only short and stripped of control characters.
 */
const servers: net.Server[] = [];
afterAll(async () => { await Promise.all(servers.map((s) => new Promise((r) => s.close(r)))); });

type Hostile = { port: number; sent: () => number; closedByProbe: Promise<void> };

function start(talk: (socket: net.Socket, sent: (n: number) => void) => void): Promise<Hostile> {
  let bytes = 0;
  let closed!: () => void;
  const closedByProbe = new Promise<void>((r) => (closed = r));
  const server = net.createServer((socket) => {
    socket.on("error", () => undefined);
    socket.on("close", closed);
    talk(socket, (n) => (bytes += n));
  });
  servers.push(server);
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => {
    resolve({ port: (server.address() as net.AddressInfo).port, sent: () => bytes, closedByProbe });
  }));
}

/** "220-xxxx…" lines of 2 KB, written as fast as the socket takes them, for as long as it is open. */
const endlessContinuation = (socket: net.Socket, sent: (n: number) => void) => {
  const line = `220-${"x".repeat(2_040)}\r\n`;
  const pump = () => {
    while (!socket.destroyed && socket.writable) {
      sent(line.length);
      if (!socket.write(line)) return void socket.once("drain", pump);
    }
  };
  pump();
};

const TIMEOUT = 20_000;
const smtp = (port: number) => probe({ host: "127.0.0.1", port, protocol: "smtp-starttls" }, TIMEOUT);

describe("SMTP STARTTLS probe against a hostile server", () => {
  it("stops reading endless continuation lines at the reply cap, with a clear category and evidence", async () => {
    const srv = await start(endlessContinuation);
    const outcome = await smtp(srv.port);
    expect(outcome).toMatchObject({ ok: false, category: "handshake_failure" }); // not "timeout": it gave up on its own
    expect(outcome.ok ? "" : outcome.message).toBe(`The SMTP server sent an overlong reply (more than ${SMTP_REPLY_LIMITS.bytes} bytes); Herald stopped reading it`);
    await srv.closedByProbe; // the probe hung up on the server
  });

  it("stops at the line cap when the lines are short", async () => {
    const srv = await start((socket) => { for (let i = 0; i < 500; i++) socket.write(`220-${i}\r\n`); });
    const outcome = await smtp(srv.port);
    expect(outcome.ok ? "" : outcome.message).toBe(`The SMTP server sent an overlong reply (more than ${SMTP_REPLY_LIMITS.lines} lines); Herald stopped reading it`);
  });

  it("refuses one endless line", async () => {
    const srv = await start((socket) => { socket.write(`220 ${"y".repeat(100_000)}`); });
    const outcome = await smtp(srv.port);
    expect(outcome.ok ? "" : outcome.message).toMatch(/overlong reply \(a line longer than 2048 bytes\)/);
  });

  it("quotes a refusing banner short, without control or bidi characters", async () => {
    const hostile = `mx.internal.corp:2525 \u001b[31mPWNED\u202e\r ${"z".repeat(1_500)}`;
    const srv = await start((socket) => { socket.write(`554 ${hostile}\r\n`); });
    const outcome = await smtp(srv.port);
    const message = outcome.ok ? "" : outcome.message;
    expect(message).toMatch(/^The SMTP server refused the session: 554 mx\.internal\.corp:2525 \[31mPWNED\S* .*z…$/);
    expect(message.length).toBeLessThanOrEqual(220);
    expect(message).not.toMatch(/[\u0000-\u001f\u0080-\u009f\u202e]/);
  });

  it("refuses a server that answers far ahead of the questions", async () => {
    const srv = await start((socket) => { for (let i = 0; i < 50; i++) socket.write("220 ready\r\n"); });
    const outcome = await smtp(srv.port);
    expect(outcome).toMatchObject({ ok: false, category: "handshake_failure" });
  });
});

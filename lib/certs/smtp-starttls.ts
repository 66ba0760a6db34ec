import type net from "node:net";

export class SmtpError extends Error {}

type Reply = { code: number; text: string };

/** Reads complete SMTP replies (multi-line "250-…" continued until "250 …") from a socket. */
function replyReader(socket: net.Socket) {
  let buf = "";
  const lines: string[] = [];
  let waiting: ((r: Reply) => void) | null = null;
  const tryDeliver = () => {
    const end = lines.findIndex((l) => /^\d{3}(?: |$)/.test(l));
    if (end < 0 || !waiting) return;
    const reply = lines.splice(0, end + 1);
    const last = reply[reply.length - 1] ?? "";
    const deliver = waiting;
    waiting = null;
    deliver({ code: Number(last.slice(0, 3)), text: reply.map((l) => l.slice(4)).join("\n") });
  };
  const onData = (d: Buffer) => {
    buf += d.toString("latin1");
    if (buf.length > 64_000) { socket.destroy(new SmtpError("The SMTP server sent an overlong reply")); return; }
    let i: number;
    while ((i = buf.indexOf("\n")) >= 0) {
      lines.push(buf.slice(0, i).replace(/\r$/, ""));
      buf = buf.slice(i + 1);
    }
    tryDeliver();
  };
  socket.on("data", onData);
  return {
    next: () => new Promise<Reply>((resolve) => { waiting = resolve; tryDeliver(); }),
    // Detach before the TLS upgrade so no byte of the handshake is read as SMTP.
    stop: () => socket.off("data", onData),
  };
}

/** Speak SMTP up to a successful STARTTLS: banner 220, EHLO, STARTTLS → 220. Then upgrade. */
export async function smtpStartTls(socket: net.Socket, ehloName = "herald.invalid"): Promise<void> {
  const reader = replyReader(socket);
  const banner = await reader.next();
  if (banner.code !== 220) throw new SmtpError(`The SMTP server refused the session: ${banner.code} ${banner.text}`.trim());
  socket.write(`EHLO ${ehloName}\r\n`);
  const ehlo = await reader.next();
  if (ehlo.code !== 250) throw new SmtpError(`The SMTP server rejected EHLO: ${ehlo.code} ${ehlo.text}`.trim());
  if (!/^STARTTLS\b/im.test(ehlo.text)) throw new SmtpError("The SMTP server does not offer STARTTLS");
  socket.write("STARTTLS\r\n");
  const ready = await reader.next();
  reader.stop();
  if (ready.code !== 220) throw new SmtpError(`The SMTP server refused STARTTLS: ${ready.code} ${ready.text}`.trim());
}

import type net from "node:net";
import { remoteText } from "@/lib/certs/remote-text";

export class SmtpError extends Error {}

type Reply = { code: number; text: string };

/** Bounds on what one SMTP reply may hold (RFC 5321 lines are 512 bytes; EHLO lists ~10 lines). */
export const SMTP_REPLY_LIMITS = { bytes: 16_384, lines: 64, lineBytes: 2_048 } as const;
/** How much of the server's own words an error message keeps. */
const QUOTE = 160;

const tooMuch = (what: string) =>
  new SmtpError(`The SMTP server sent an overlong reply (${what}); Herald stopped reading it`);

/**
 * Reads complete SMTP replies (multi-line "250-…" continued until "250 …") from a socket. Each
 * byte is looked at once; a reply's lines, total bytes and line length are capped, and only
 * what the error messages quote is kept.
 */
function replyReader(socket: net.Socket) {
  let partial = "";
  let lines: string[] = [];
  let bytes = 0;
  const ready: Reply[] = [];
  let waiting: ((r: Reply) => void) | null = null;
  const fail = (err: SmtpError) => { socket.off("data", onData); socket.destroy(err); };
  const line = (l: string): boolean => {
    bytes += l.length + 2;
    if (l.length > SMTP_REPLY_LIMITS.lineBytes) { fail(tooMuch(`a line longer than ${SMTP_REPLY_LIMITS.lineBytes} bytes`)); return false; }
    if (bytes > SMTP_REPLY_LIMITS.bytes) { fail(tooMuch(`more than ${SMTP_REPLY_LIMITS.bytes} bytes`)); return false; }
    if (lines.length >= SMTP_REPLY_LIMITS.lines) { fail(tooMuch(`more than ${SMTP_REPLY_LIMITS.lines} lines`)); return false; }
    lines.push(l.slice(0, QUOTE + 8)); // the code, a space and a little more than is quoted
    if (!/^\d{3}(?: |$)/.test(l)) return true;
    // Herald asks three questions; a server that answers far ahead of them is not speaking SMTP.
    if (ready.length >= 3) { fail(new SmtpError("The SMTP server sent replies nobody asked for")); return false; }
    ready.push({ code: Number(l.slice(0, 3)), text: lines.map((x) => x.slice(4)).join("\n") });
    lines = [];
    bytes = 0;
    return true;
  };
  const deliver = () => {
    const reply = waiting && ready.shift();
    if (!reply || !waiting) return;
    const w = waiting;
    waiting = null;
    w(reply);
  };
  function onData(d: Buffer) {
    let text = partial + d.toString("latin1");
    let i: number;
    while ((i = text.indexOf("\n")) >= 0) {
      if (!line(text.slice(0, i).replace(/\r$/, ""))) return;
      text = text.slice(i + 1);
    }
    if (text.length > SMTP_REPLY_LIMITS.lineBytes) return fail(tooMuch(`a line longer than ${SMTP_REPLY_LIMITS.lineBytes} bytes`));
    partial = text;
    deliver();
  }
  socket.on("data", onData);
  return {
    next: () => new Promise<Reply>((resolve) => { waiting = resolve; deliver(); }),
    // Detach before the TLS upgrade so no byte of the handshake is read as SMTP.
    stop: () => socket.off("data", onData),
  };
}

const said = (r: Reply) => `${r.code} ${remoteText(r.text, QUOTE)}`.trim();

/** Speak SMTP up to a successful STARTTLS: banner 220, EHLO, STARTTLS → 220. Then upgrade. */
export async function smtpStartTls(socket: net.Socket, ehloName = "herald.invalid"): Promise<void> {
  const reader = replyReader(socket);
  const banner = await reader.next();
  if (banner.code !== 220) throw new SmtpError(`The SMTP server refused the session: ${said(banner)}`);
  socket.write(`EHLO ${ehloName}\r\n`);
  const ehlo = await reader.next();
  if (ehlo.code !== 250) throw new SmtpError(`The SMTP server rejected EHLO: ${said(ehlo)}`);
  if (!/^STARTTLS\b/im.test(ehlo.text)) throw new SmtpError("The SMTP server does not offer STARTTLS");
  socket.write("STARTTLS\r\n");
  const ready = await reader.next();
  reader.stop();
  if (ready.code !== 220) throw new SmtpError(`The SMTP server refused STARTTLS: ${said(ready)}`);
}

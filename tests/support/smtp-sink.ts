import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";
import type { AddressInfo } from "node:net";

export type SmtpSink = {
  url: string; mails: ParsedMail[]; rcpt: string[][]; close(): Promise<void>; reset(): void;
  waitFor(n: number, ms?: number): Promise<ParsedMail[]>;
  /** Mails to `address` once there are `n` of them (or after `ms`). */
  mailsTo(address: string, n: number, ms?: number): Promise<ParsedMail[]>;
};

/** A real SMTP server on 127.0.0.1 (no TLS, any login) that parses every mail it accepts with mailparser. */
export async function startSmtpSink(opts: { parse?: boolean; delayMs?: number; refuse?: RegExp } = {}): Promise<SmtpSink> {
  const mails: ParsedMail[] = [];
  const rcpt: string[][] = [];
  let count = 0;
  const server = new SMTPServer({
    secure: false, disabledCommands: ["STARTTLS"], authOptional: true, logger: false, size: 1_000_000,
    onAuth: (_auth, _session, cb) => cb(null, { user: "herald" }),
    // Recipients matching `refuse` get a permanent 550, as a real server answers an unknown mailbox.
    onRcptTo(address, _session, cb) {
      if (!opts.refuse?.test(address.address)) return cb();
      cb(Object.assign(new Error("550 5.1.1 Mailbox unavailable"), { responseCode: 550 }));
    },
    onData(stream, session, cb) {
      rcpt.push(session.envelope.rcptTo.map((r) => r.address));
      if (opts.parse === false) {
        // delayMs: a slow mail server, so a test can stop Herald while mails are still going out.
        stream.on("data", () => {}).on("end", () => setTimeout(() => { count++; cb(); }, opts.delayMs ?? 0));
        return;
      }
      simpleParser(stream).then((m) => { mails.push(m); count++; cb(); }, cb);
    },
  });
  // A client that dies mid-session (a killed Herald) resets its connection: a mail server logs that and goes on.
  server.on("error", () => {});
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://herald:secret@127.0.0.1:${port}`, mails, rcpt,
    close: () => new Promise((resolve) => server.close(() => resolve())),
    reset() { mails.length = 0; rcpt.length = 0; count = 0; },
    async mailsTo(address, n, ms = 5_000) {
      const to = (m: ParsedMail) => JSON.stringify(m.to ?? "").toLowerCase().includes(address.toLowerCase());
      for (const end = Date.now() + ms; mails.filter(to).length < n && Date.now() < end;) await new Promise((r) => setTimeout(r, 20));
      return mails.filter(to);
    },
    async waitFor(n, ms = 5_000) {
      for (const end = Date.now() + ms; count < n && Date.now() < end;) await new Promise((r) => setTimeout(r, 20));
      return mails;
    },
  };
}

export const countAccepted = (sink: SmtpSink) => sink.rcpt.length;

import net from "node:net";
import nodemailer, { type Transporter } from "nodemailer";
import type { MailConfig } from "@/lib/channels/email/mail-config";

const g = globalThis as unknown as { heraldMail?: { key: string; transport: Transporter } };

/**
 * One pooled SMTP transport per process (kept on globalThis: routes and the background loop are
 * bundled apart), rebuilt only if the configuration changes. Every step times out after 10 s.
 */
export function mailTransport(config: Extract<MailConfig, { enabled: true }>): Transporter {
  const key = `${config.url.href} ${config.connections}`;
  if (g.heraldMail?.key === key) return g.heraldMail.transport;
  g.heraldMail?.transport.close();
  const { url } = config;
  const secure = url.protocol === "smtps:";
  const transport = nodemailer.createTransport({
    pool: true, maxConnections: config.connections, maxMessages: Infinity,
    host: url.hostname.replace(/^\[|\]$/g, ""), port: Number(url.port) || (secure ? 465 : 587), secure,
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 10_000,
    getSocket: noDelaySocket,
  });
  g.heraldMail = { key, transport };
  return transport;
}

/**
 * Our own TCP connection with Nagle off: nodemailer writes SMTP commands in small pieces, and with
 * delayed ACKs each mail stalled ~40 ms per connection (the bench went from 70 to ~15 ms a mail).
 */
function noDelaySocket(options: { host?: string; port?: number }, callback: (err: Error | null, socketOptions?: { connection: net.Socket }) => void): void {
  const socket = net.connect({ host: options.host, port: options.port ?? 587, noDelay: true });
  const timer = setTimeout(() => socket.destroy(new Error("SMTP connection timed out")), 10_000);
  const failed = (err: Error) => { clearTimeout(timer); callback(err); };
  socket.once("error", failed);
  socket.once("connect", () => { clearTimeout(timer); socket.off("error", failed); callback(null, { connection: socket }); });
}

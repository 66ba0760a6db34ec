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
  });
  g.heraldMail = { key, transport };
  return transport;
}

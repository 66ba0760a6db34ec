export type MailConfig =
  | { enabled: true; url: URL; from: string; connections: number }
  | { enabled: false; reason: string };

/**
 * Email is on when SMTP_URL (smtp://user:pass@host:587, STARTTLS when offered; smtps://…:465)
 * and HERALD_MAIL_FROM are set. HERALD_MAIL_CONNECTIONS (default 5) bounds the SMTP pool.
 */
export function readMailConfig(env: Record<string, string | undefined> = process.env): MailConfig {
  const raw = env.SMTP_URL?.trim();
  const from = env.HERALD_MAIL_FROM?.trim();
  if (!raw || !from) return { enabled: false, reason: "Email is off: set SMTP_URL and HERALD_MAIL_FROM" };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { enabled: false, reason: "Email is off: SMTP_URL is not a URL" };
  }
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:") return { enabled: false, reason: "Email is off: SMTP_URL must start with smtp:// or smtps://" };
  const n = Number(env.HERALD_MAIL_CONNECTIONS ?? 5);
  return { enabled: true, url, from, connections: Number.isInteger(n) && n > 0 && n <= 50 ? n : 5 };
}

export const mailEnabled = () => readMailConfig().enabled;

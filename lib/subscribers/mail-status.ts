/** Whether email can be sent (SMTP_URL and HERALD_MAIL_FROM set); the console says why not. */
export function mailStatus(): { enabled: boolean; reason?: string } {
  if (!process.env.SMTP_URL?.trim()) return { enabled: false, reason: "Email is off: SMTP_URL is not set." };
  if (!process.env.HERALD_MAIL_FROM?.trim()) return { enabled: false, reason: "Email is off: HERALD_MAIL_FROM is not set." };
  return { enabled: true };
}

import type { SendMailOptions } from "nodemailer";
import type { SendResult } from "@/lib/fanout/channel";
import { readMailConfig } from "@/lib/channels/email/mail-config";
import { mailTransport } from "@/lib/channels/email/transport";

/**
 * Send one message through the pool. The SMTP server's answer decides: 5xx is permanent (dead at
 * once), 4xx and connection trouble are retried with backoff. The server's message id is kept.
 */
export async function sendMail(message: Omit<SendMailOptions, "from">): Promise<SendResult> {
  const config = readMailConfig();
  if (!config.enabled) return { ok: false, retryable: true, error: config.reason };
  try {
    const info = await mailTransport(config).sendMail({ ...message, from: config.from });
    if (info.rejected.length > 0) return { ok: false, retryable: false, error: `SMTP rejected ${info.rejected.length} recipient(s): ${info.response}` };
    return { ok: true, remoteId: info.messageId ?? null };
  } catch (err) {
    const code = (err as { responseCode?: number }).responseCode;
    const text = err instanceof Error ? err.message : String(err);
    return { ok: false, retryable: !(code && code >= 500), error: `SMTP: ${text}`.slice(0, 500) };
  }
}

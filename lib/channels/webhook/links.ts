/** meta.documentation (HERALD_WEBHOOK_DOCS_URL; default: Statuspage's page on this same format). */
export const webhookDocsUrl = () =>
  process.env.HERALD_WEBHOOK_DOCS_URL?.trim() || "https://support.atlassian.com/statuspage/docs/enable-webhook-notifications/";

/**
 * meta.unsubscribe. Admins add and remove webhooks, so until the signed subscriber links
 * (lib/subscribers/tokens.ts, mail branch) are shared, this points at the public page.
 */
export const webhookUnsubscribeUrl = (base: string) => `${base}/`;

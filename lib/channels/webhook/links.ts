/** meta.documentation (HERALD_WEBHOOK_DOCS_URL; default: Statuspage's page on this same format). */
export const webhookDocsUrl = () =>
  process.env.HERALD_WEBHOOK_DOCS_URL?.trim() || "https://support.atlassian.com/statuspage/docs/enable-webhook-notifications/";

import { createHmac, randomBytes } from "node:crypto";

/** A new signing secret: 32 random bytes, shown to the admin once. */
export const newWebhookSecret = () => `whsec_${randomBytes(32).toString("hex")}`;

/**
 * The X-Herald-Signature value for one request: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret,
 * "<t>.<raw body>")>`. The timestamp is signed too, so a receiver can refuse old replays.
 */
export function signatureHeader(secret: string, rawBody: string, unixSeconds: number): string {
  const v1 = createHmac("sha256", secret).update(`${unixSeconds}.${rawBody}`).digest("hex");
  return `t=${unixSeconds},v1=${v1}`;
}

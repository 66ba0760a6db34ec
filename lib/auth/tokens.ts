import { createHash, randomBytes } from "node:crypto";

export const TOKEN_PREFIX = "hrld_";

/** A new API token: shown once; only its sha256 is stored. */
export function newToken(): { token: string; hash: string; prefix: string } {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token), prefix: token.slice(0, TOKEN_PREFIX.length + 6) };
}

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

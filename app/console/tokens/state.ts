/** What the token forms get back from their server actions. */
export type CreateTokenState = { token?: string; name?: string; error?: string; fields?: Record<string, string> };
export type RevokeTokenState = { error?: string; revoked?: boolean };

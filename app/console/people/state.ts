/** A one-time invite or reset link, shown to the admin once. */
export type OneTimeLink = { url: string; email: string; expiresAt: number };

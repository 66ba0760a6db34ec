/** Domain failures that callers map to HTTP statuses or form messages. */
export type ErrorCode = "invalid" | "not_found" | "conflict" | "unauthorized" | "forbidden" | "busy" | "rate_limited";

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const invalid = (message: string, details?: Record<string, unknown>) =>
  new DomainError("invalid", message, details);
export const notFound = (message: string) => new DomainError("not_found", message);
export const conflict = (message: string) => new DomainError("conflict", message);
/** Too many of something; the API answers 429 with Retry-After, a form shows the message. */
export const rateLimited = (message: string, retryAfterSeconds: number) =>
  new DomainError("rate_limited", message, { retryAfterSeconds });

/** SQLite reports a held write lock as SQLITE_BUSY once busy_timeout has passed. */
export function isBusyError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("SQLITE_BUSY");
}

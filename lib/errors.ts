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

/** A driver error's code (SQLITE_BUSY, PostgreSQL's SQLSTATE, ECONNREFUSED…), looking through drizzle's wrapper. */
export function errorCode(err: unknown): string | undefined {
  for (let e = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
  }
  return undefined;
}

/** The write lock stayed held past the wait: SQLITE_BUSY, or db/driver.ts busyError() on PostgreSQL. */
export function isBusyError(err: unknown): boolean {
  return errorCode(err)?.startsWith("SQLITE_BUSY") ?? false;
}

// Socket failures, SQLSTATE class 08 (connection exception), 57P01-03 (server shutting down/starting),
// 57014/25P03 (statement or idle transaction past its timeout); pg's own connect and read timeouts.
const UNAVAILABLE = /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|08...|57P0[123]|57014|25P03)$/;
const UNAVAILABLE_TEXT = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Query read timeout/;

/** The database server cannot be reached (down, restarting, partitioned): a 503, like busy. */
export function isUnavailableError(err: unknown): boolean {
  if (UNAVAILABLE.test(errorCode(err) ?? "")) return true;
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) if (UNAVAILABLE_TEXT.test(e.message)) return true;
  return false;
}

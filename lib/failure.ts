import { ZodError } from "zod";
import { DomainError, isBusyError, isUnavailableError, type ErrorCode } from "@/lib/errors";
import { fieldErrors } from "@/lib/incidents/input";

/** The one wording of a busy database, for forms and the API alike. */
export const BUSY_MESSAGE = "The database is busy; try again shortly. Nothing was saved.";
/** The database server cannot be reached (PostgreSQL down, restarting or cut off). */
export const UNAVAILABLE_MESSAGE = "The database cannot be reached right now; try again shortly.";

/** The one table from a domain failure to an HTTP status; forms use the same codes. */
export const STATUS: Record<ErrorCode, number> = {
  invalid: 422, not_found: 404, conflict: 409, unauthorized: 401, forbidden: 403, busy: 503, rate_limited: 429,
};

/** What a caller may be told about a failure: status, one message, and a message per field if known. */
export type Failure = { code: ErrorCode; status: number; message: string; fields?: Record<string, string>; retryAfterSeconds?: number };

/** `{field: message}` from a domain error's details ({field} or {fields}, else each detail key). */
function detailFields(err: DomainError): Record<string, string> | undefined {
  const d = err.details;
  if (!d) return undefined;
  if (typeof d.field === "string") return { [d.field]: err.message };
  if (d.fields && typeof d.fields === "object") return d.fields as Record<string, string>;
  const keys = Object.keys(d).filter((k) => k !== "status" && k !== "retryAfterSeconds");
  return keys.length ? Object.fromEntries(keys.map((k) => [k, err.message])) : undefined;
}

/**
 * Explain a zod, domain, busy or unreachable-database failure; null for anything else (a bug: callers log it and answer
 * 500 or let the error page show). Route wrappers and the action wrapper both come here.
 */
export function explainFailure(err: unknown): Failure | null {
  if (err instanceof ZodError) {
    const fields = fieldErrors(err);
    // Name the field when zod's own message does not ("skipX: expected boolean, received string").
    const said = Object.entries(fields).map(([k, m]) => (k === "_" || m.includes(k.split(".")[0] ?? k) ? m : `${k}: ${m}`));
    return { code: "invalid", status: 422, message: `Invalid request: ${said.join("; ")}`, fields };
  }
  if (err instanceof DomainError) {
    // Older callers tagged request-level failures as {status: 400}; keep honouring that.
    if (err.details?.status === 400) return { code: err.code, status: 400, message: err.message };
    const retry = err.details?.retryAfterSeconds;
    if (typeof retry === "number") return { code: err.code, status: STATUS[err.code], message: err.message, retryAfterSeconds: retry };
    return { code: err.code, status: STATUS[err.code], message: err.message, fields: detailFields(err) };
  }
  if (isBusyError(err)) return { code: "busy", status: 503, message: BUSY_MESSAGE };
  if (isUnavailableError(err)) return { code: "busy", status: 503, message: UNAVAILABLE_MESSAGE };
  return null;
}

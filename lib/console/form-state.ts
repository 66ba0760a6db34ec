import { ZodError } from "zod";
import { DomainError, isBusyError } from "@/lib/errors";
import { fieldErrors } from "@/lib/incidents/input";

export type FormValues = Record<string, string>;
/** What a console form action returns: the values to show again and a message per field ("_" = whole form). */
export type FormState = { seq: number; values: FormValues; errors: Record<string, string> };

export const emptyFormState = (values: FormValues = {}): FormState => ({ seq: 0, values, errors: {} });

/** Every text field of a submitted form, minus the framework's own `$ACTION_` entries. */
export function readFormValues(fd: FormData): FormValues {
  const out: FormValues = {};
  for (const [key, value] of fd.entries()) if (typeof value === "string" && !key.startsWith("$ACTION")) out[key] = value;
  return out;
}

/** Form field that owns a schema path: all component entries report under "components". */
const fieldFor = (key: string) => (key.startsWith("components") ? "components" : key);

/** Turn a zod or domain failure into per-field messages; anything else is not ours to explain. */
export function formErrors(err: unknown): Record<string, string> | null {
  if (err instanceof ZodError) {
    const out: Record<string, string> = {};
    for (const [key, message] of Object.entries(fieldErrors(err))) out[fieldFor(key)] ??= message;
    return out;
  }
  if (err instanceof DomainError) {
    const field = err.details?.field;
    if (typeof field === "string") return { [fieldFor(field)]: err.message };
    if (err.details?.components) return { components: err.message };
    return { _: err.message };
  }
  if (isBusyError(err)) return { _: "The database is busy; try again shortly. Nothing was saved." };
  return null;
}

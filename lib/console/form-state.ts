export type FormValues = Record<string, string>;
/**
 * What a console form action returns: the values to show again, a message per field ("_" = whole
 * form), `saved` once the verb succeeded, an optional notice and data to show once (a new token).
 */
export type FormState<D = never> = { seq: number; values: FormValues; errors: Record<string, string>; saved?: boolean; message?: string; data?: D };

export const emptyFormState = <D = never>(values: FormValues = {}): FormState<D> => ({ seq: 0, values, errors: {} });

/** Every text field of a submitted form, minus the framework's own `$ACTION_` entries. */
export function readFormValues(fd: FormData): FormValues {
  const out: FormValues = {};
  for (const [key, value] of fd.entries()) if (typeof value === "string" && !key.startsWith("$ACTION")) out[key] = value;
  return out;
}

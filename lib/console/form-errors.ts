import { explainFailure } from "@/lib/failure";

/** Form field that owns a schema path: all component entries report under "components". */
const fieldFor = (key: string) => (key.startsWith("components") ? "components" : key);

/** Turn a zod, domain or busy failure (lib/failure.ts) into per-field messages; null for anything else. */
export function formErrors(err: unknown): Record<string, string> | null {
  const failure = explainFailure(err);
  if (!failure) return null;
  if (!failure.fields || Object.keys(failure.fields).length === 0) return { _: failure.message };
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(failure.fields)) out[fieldFor(key)] ??= message;
  return out;
}

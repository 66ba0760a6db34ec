import type { ZodType } from "zod";
import type { Read } from "@/lib/console/action";
import type { FormValues } from "@/lib/console/form-state";
import { formErrors } from "@/lib/console/form-errors";

const FLAGS = new Set(["hidden", "archived"]);

/**
 * A console form's text values as the JSON the API takes: "true"/"false" flags, a numeric
 * position, an empty group meaning "no group", an empty optional slug left out. Then the API's
 * own schema judges them, so forms and API refuse the same things with the same words.
 */
export function readServiceForm<T>(schema: ZodType<T>) {
  return (values: FormValues): Read<T> => {
    const body: Record<string, unknown> = {};
    for (const [key, raw] of Object.entries(values)) {
      if (FLAGS.has(key)) body[key] = raw === "true" ? true : raw === "false" ? false : raw;
      else if (key === "position") body[key] = /^\d+$/.test(raw) ? Number(raw) : raw;
      else if (key === "group") body[key] = raw.trim() === "" ? null : raw;
      else if (key === "slug" && raw.trim() === "") continue;
      else body[key] = raw;
    }
    const parsed = schema.safeParse(body);
    return parsed.success ? { ok: true, data: parsed.data } : { ok: false, errors: formErrors(parsed.error) ?? { _: "Invalid form" } };
  };
}

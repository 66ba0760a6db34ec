import { openIncidentInput, postUpdateInput, type OpenIncidentInput, type PostUpdateInput } from "@/lib/incidents/input";
import { nextUpdateIso } from "@/lib/console/next-update-time";
import type { ZodSafeParseResult } from "zod";
import { formErrors } from "@/lib/console/form-errors";
import type { FormValues } from "@/lib/console/form-state";
import { COMPONENT_FIELD, CUSTOM_TEXT_FIELD, SKIP_FIELD } from "@/lib/console/form-fields";
import type { ChannelOptionsInput } from "@/lib/fanout/channel-options";

type Parsed<T> = { ok: true; data: T } | { ok: false; errors: Record<string, string> };

/** "component:<slug>" selects with a status; an empty select means "leave it alone". */
export function componentsFrom(values: FormValues): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    if (key.startsWith(COMPONENT_FIELD) && value) out[key.slice(COMPONENT_FIELD.length)] = value;
  }
  return out;
}

/** "skip:<channel>" boxes and "customText:<channel>" fields, as the API's per-channel options. */
export function channelsFrom(values: FormValues): ChannelOptionsInput {
  const out: ChannelOptionsInput = {};
  for (const [key, value] of Object.entries(values)) {
    if (key.startsWith(SKIP_FIELD) && value === "on") (out[key.slice(SKIP_FIELD.length)] ??= {}).skip = true;
    if (key.startsWith(CUSTOM_TEXT_FIELD) && value.trim()) (out[key.slice(CUSTOM_TEXT_FIELD.length)] ??= {}).customText = value;
  }
  return out;
}

function updateFields(values: FormValues, now: number) {
  const resolving = values.status === "resolved";
  const next = resolving ? { iso: null } : nextUpdateIso(values.nextUpdate, values.nextUpdateCustom, now);
  const fields = {
    status: values.status || undefined,
    message: values.message ?? "",
    components: componentsFrom(values),
    nextUpdateAt: "iso" in next ? next.iso : null,
    channels: channelsFrom(values),
  };
  return { fields, nextError: "error" in next ? next.error : null };
}

function collect<T>(result: ZodSafeParseResult<T>, nextError: string | null): Parsed<T> {
  if (result.success && !nextError) return { ok: true, data: result.data };
  const errors = result.success ? {} : (formErrors(result.error) ?? {});
  if (nextError) errors.nextUpdateAt = nextError;
  return { ok: false, errors };
}

/** The new-incident form's fields, parsed into the same input the API uses. */
export function parseOpenIncidentForm(values: FormValues, now: number): Parsed<OpenIncidentInput> {
  const { fields, nextError } = updateFields(values, now);
  const result = openIncidentInput.safeParse({
    ...fields,
    service: values.service ?? "", title: values.title ?? "",
    impact: values.impact || undefined, classification: values.classification || undefined,
    userImpact: values.userImpact ?? "", scope: values.scope ?? "",
  });
  return collect(result, nextError);
}

/** The post-update form's fields, parsed into the API's update input. */
export function parsePostUpdateForm(values: FormValues, now: number): Parsed<PostUpdateInput> {
  const { fields, nextError } = updateFields(values, now);
  return collect(postUpdateInput.safeParse(fields), nextError);
}

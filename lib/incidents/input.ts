import { z } from "zod";
import { CLASSIFICATIONS, COMPONENT_STATUSES, IMPACTS, INCIDENT_STATUSES } from "@/db/schema";
import { checkChannelOptions, checkOneXOption, MAX_CUSTOM_TEXT } from "@/lib/incidents/check-channel-options";
import { dropNul } from "@/lib/text/drop-nul";

export const MAX_TITLE = 200;
export const MAX_BODY = 20_000;
export const MAX_FIELD = 2_000;
export const MAX_POST = 280;

const text = (label: string, max: number) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `${label} is required` : `${label} must be text`) })
    .overwrite(dropNul)
    .trim()
    .max(max, { error: `${label} is too long (at most ${max} characters)` });

const required = (label: string, max: number) => text(label, max).min(1, { error: `${label} is required` });

/** ISO 8601 with an explicit zone ("2026-11-26T16:00:00Z"); converted to UTC ms. */
export const isoTime = z
  .string({ error: "nextUpdateAt must be an ISO 8601 time" })
  .refine((s) => /(Z|[+-]\d\d:?\d\d)$/i.test(s.trim()) && !Number.isNaN(Date.parse(s)), {
    error: "nextUpdateAt must be an ISO 8601 time with a zone, e.g. 2026-11-26T16:00:00Z",
  })
  .transform((s) => Date.parse(s));

export const componentChanges = z.record(
  z.string().trim().min(1).max(100),
  z.enum(COMPONENT_STATUSES, { error: `component status must be one of ${COMPONENT_STATUSES.join(", ")}` }),
);

const updateFields = {
  status: z.enum(INCIDENT_STATUSES, { error: `status must be one of ${INCIDENT_STATUSES.join(", ")}` }),
  message: required("message", MAX_BODY),
  components: componentChanges.optional(),
  nextUpdateAt: isoTime.nullish(),
  customPost: text("customPost", MAX_POST).optional(),
  skipX: z.boolean().optional(),
  // Per social channel: {"mastodon": {"skip": true}, "x": {"customText": "…"}}; checked against the registry.
  channels: z.record(z.string().max(40), z.object({
    skip: z.boolean({ error: "skip must be true or false" }).optional(),
    customText: text("customText", MAX_CUSTOM_TEXT).optional(),
  }).strict()).superRefine(checkChannelOptions).optional(),
};

export const postUpdateInput = z.object(updateFields).superRefine(checkOneXOption);

/** Correcting an update's text: the same rules as a posted update's message. */
export const editUpdateInput = z.object({ message: updateFields.message });

export const openIncidentInput = z.object({
  ...updateFields,
  status: updateFields.status.default("investigating"),
  service: required("service", 100),
  title: required("title", MAX_TITLE),
  impact: z.enum(IMPACTS, { error: `impact must be one of ${IMPACTS.join(", ")}` }).default("minor"),
  classification: z
    .enum(CLASSIFICATIONS, { error: `classification must be one of ${CLASSIFICATIONS.join(", ")}` })
    .default("incident"),
  userImpact: text("userImpact", MAX_FIELD).default(""),
  scope: text("scope", MAX_FIELD).default(""),
}).superRefine(checkOneXOption);

export type PostUpdateInput = z.infer<typeof postUpdateInput>;
export type EditUpdateInput = z.infer<typeof editUpdateInput>;
export type OpenIncidentInput = z.infer<typeof openIncidentInput>;
export type OpenIncidentRequest = z.input<typeof openIncidentInput>;

/** Flatten zod issues into `{field: message}` for forms and JSON errors. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    out[key] ??= issue.message;
  }
  return out;
}

import { z } from "zod";
import { IMPACTS, INCIDENT_STATUSES, TEMPLATE_KINDS } from "@/db/schema";
import { componentChanges, MAX_BODY, MAX_TITLE } from "@/lib/incidents/input";
import { dropNul } from "@/lib/text/drop-nul";

export const MAX_TEMPLATE_NAME = 100;

const text = (label: string, max: number) => z
  .string({ error: (issue) => (issue.input === undefined ? `${label} is required` : `${label} must be text`) })
  .overwrite(dropNul)
  .trim()
  .max(max, { error: `${label} is too long (at most ${max} characters)` });

const fields = {
  kind: z.enum(TEMPLATE_KINDS, { error: `kind must be one of ${TEMPLATE_KINDS.join(", ")}` }),
  name: text("name", MAX_TEMPLATE_NAME).min(1, { error: "name is required" }),
  // A service's slug; null means "any service" (component slugs are then checked when used).
  service: text("service", 100).nullish().transform((s) => s || null),
  title: text("title", MAX_TITLE).default(""),
  body: text("body", MAX_BODY).min(1, { error: "body is required" }),
  status: z.enum(INCIDENT_STATUSES, { error: `status must be one of ${INCIDENT_STATUSES.join(", ")}` }).nullish().transform((s) => s ?? null),
  impact: z.enum(IMPACTS, { error: `impact must be one of ${IMPACTS.join(", ")}` }).nullish().transform((s) => s ?? null),
  components: componentChanges.default({}),
};

export const createTemplateInput = z.object(fields);
/** PATCH: any subset of the create fields. */
export const updateTemplateInput = z.object({
  kind: fields.kind.optional(), name: fields.name.optional(), service: text("service", 100).nullable().optional(),
  title: text("title", MAX_TITLE).optional(), body: fields.body.optional(),
  status: z.enum(INCIDENT_STATUSES, { error: `status must be one of ${INCIDENT_STATUSES.join(", ")}` }).nullable().optional(),
  impact: z.enum(IMPACTS, { error: `impact must be one of ${IMPACTS.join(", ")}` }).nullable().optional(),
  components: componentChanges.optional(),
});

export type CreateTemplateInput = z.infer<typeof createTemplateInput>;
export type UpdateTemplateInput = z.infer<typeof updateTemplateInput>;

import { z } from "zod";
import { dropNul } from "@/lib/text/drop-nul";

const text = (label: string, max: number) =>
  z.string({ error: `${label} must be text` }).overwrite(dropNul).trim().max(max, { error: `${label} must be at most ${max} characters` });
const name = (label: string) => text(label, 80).min(1, { error: `${label} is required` });
const slug = z.string({ error: "slug must be text" }).trim()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "slug may hold only lowercase letters, digits and single hyphens (like mail-flow)" })
  .max(60, { error: "slug must be at most 60 characters" });
export const idPrefix = z.string({ error: "idPrefix must be text" }).trim()
  .regex(/^[A-Z]{1,8}$/, { error: "idPrefix must be 1 to 8 capital letters (like PAY)" });
const description = text("description", 500);
const position = z.number({ error: "position must be a whole number" }).int({ error: "position must be a whole number" }).min(0, { error: "position must be at least 0" });
const flag = (label: string) => z.boolean({ error: `${label} must be true or false` });
const group = text("group", 80).nullable();

export const createComponentInput = z.strictObject({
  name: name("name"), slug: slug.optional(), group: group.optional(), description: description.optional(),
});
export type CreateComponentInput = z.infer<typeof createComponentInput>;

export const createServiceInput = z.strictObject({
  name: name("name"), slug: slug.optional(), idPrefix, description: description.optional(),
  components: z.array(createComponentInput, { error: "components must be a list" }).max(100, { error: "A service holds at most 100 components" }).optional(),
});
export type CreateServiceInput = z.infer<typeof createServiceInput>;

const atLeastOne = (v: object) => Object.keys(v).length > 0;
const nothing = { error: "Give at least one field to change" };

/** PATCH fields of a service; slugs never change (URLs and Statuspage ids are built from them). */
export const updateServiceInput = z.strictObject({
  name: name("name").optional(), description: description.optional(), idPrefix: idPrefix.optional(),
  position: position.optional(), hidden: flag("hidden").optional(), archived: flag("archived").optional(),
}).refine(atLeastOne, nothing);
export type UpdateServiceInput = z.infer<typeof updateServiceInput>;

/** PATCH fields of a component; `group: null` takes it out of its group. */
export const updateComponentInput = z.strictObject({
  name: name("name").optional(), description: description.optional(), group: group.optional(),
  position: position.optional(), hidden: flag("hidden").optional(), archived: flag("archived").optional(),
}).refine(atLeastOne, nothing);
export type UpdateComponentInput = z.infer<typeof updateComponentInput>;

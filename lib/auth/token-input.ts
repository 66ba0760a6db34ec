import { z } from "zod";

/** The console's "new API token" form: a name and an optional lifetime in whole days. */
export const createTokenInput = z.object({
  name: z.string({ error: "name is required" }).trim()
    .min(1, { error: "Give the token a name, e.g. the tool that will use it" })
    .max(100, { error: "name is too long (at most 100 characters)" }),
  expiresInDays: z.preprocess(
    (v) => (v === "" || v === null || v === undefined ? undefined : v),
    z.coerce.number({ error: "expiry must be a number of days" })
      .int({ error: "expiry must be a whole number of days" })
      .min(1, { error: "expiry must be at least 1 day" })
      .max(3650, { error: "expiry must be at most 3650 days" })
      .optional(),
  ),
});

export type CreateTokenInput = z.infer<typeof createTokenInput>;

"use server";

import { z } from "zod";
import { action } from "@/lib/console/action";
import type { Read } from "@/lib/console/action";
import { formErrors } from "@/lib/console/form-errors";
import { createSubscriber } from "@/lib/subscribers/create-subscriber";
import { createSubscriberInput, type CreateSubscriberInput } from "@/lib/subscribers/input";
import { reactivateSubscriber } from "@/lib/subscribers/reactivate-subscriber";
import { removeSubscriber } from "@/lib/subscribers/remove-subscriber";
import type { NewSubscriber } from "@/app/console/subscribers/state";

const unknown = { error: "Unknown subscriber" };
const idInput = z.object({ id: z.coerce.number(unknown).int(unknown).positive(unknown) });

// Component checkboxes arrive as repeated fields, which the text-value map cannot hold.
function readAddForm(values: Record<string, string>, fd: FormData): Read<CreateSubscriberInput> {
  const components = fd.getAll("components").filter((v): v is string => typeof v === "string");
  const parsed = createSubscriberInput.safeParse({ channel: values.channel, target: values.target ?? "", ...(components.length ? { components } : {}) });
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, errors: formErrors(parsed.error) ?? { _: "Invalid form" } };
}

/** Add a subscriber (admin): active at once; a webhook's secret is shown once. */
export const createSubscriberAction = action(readAddForm, (input, user) => createSubscriber(input, user), {
  role: "admin",
  revalidate: ["/console/subscribers"],
  done: ({ subscriber, secret }): { data: NewSubscriber; values: Record<string, string> } => ({
    data: { id: subscriber.id, channel: subscriber.channel, target: subscriber.target, secret }, values: {},
  }),
});

/** Remove a subscriber for good (admin). */
export const removeSubscriberAction = action(idInput, ({ id }, user) => removeSubscriber(id, user), { role: "admin", revalidate: ["/console/subscribers"] });

/** Lift a quarantine (admin). */
export const reactivateSubscriberAction = action(idInput, ({ id }, user) => reactivateSubscriber(id, user), { role: "admin", revalidate: ["/console/subscribers"] });

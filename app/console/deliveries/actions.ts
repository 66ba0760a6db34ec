"use server";

import { z } from "zod";
import { formAction } from "@/lib/console/action";
import { retryDelivery } from "@/lib/fanout/retry-delivery";
import { skipDelivery } from "@/lib/fanout/skip-delivery";

const unknown = { error: "Unknown delivery" };
const input = z.object({ id: z.coerce.number(unknown).int(unknown).positive(unknown) });
const outcome = (done: string) => ({
  revalidate: ["/console/deliveries"],
  redirect: () => `/console/deliveries?done=${done}`,
  failed: (message: string) => `/console/deliveries?error=${encodeURIComponent(message)}`,
});

/** "Retry now": the dispatcher is woken and sends it on its next pass (in incident order). */
export const retryDeliveryAction = formAction(input, ({ id }, user) => retryDelivery(id, user), outcome("retried"));

/** Give up on a dead delivery so later updates of the incident can go out. */
export const skipDeliveryAction = formAction(input, ({ id }, user) => skipDelivery(id, user), outcome("skipped"));

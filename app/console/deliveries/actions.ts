"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { DomainError, isBusyError } from "@/lib/errors";
import { retryDelivery } from "@/lib/fanout/retry-delivery";
import { skipDelivery } from "@/lib/fanout/skip-delivery";

const input = z.object({ id: z.coerce.number().int().positive() });

function message(err: unknown): string {
  if (err instanceof DomainError) return err.message;
  if (isBusyError(err)) return "The database is busy; try again in a moment.";
  console.error("[herald] delivery action failed", err);
  return "Something went wrong; nothing was changed.";
}

async function run(form: FormData, verb: typeof retryDelivery, done: string): Promise<never> {
  const user = await requireUser();
  const parsed = input.safeParse({ id: form.get("id") });
  let outcome = `done=${done}`;
  if (!parsed.success) outcome = `error=${encodeURIComponent("Unknown delivery")}`;
  else {
    try {
      await verb(parsed.data.id, user);
    } catch (err) {
      outcome = `error=${encodeURIComponent(message(err))}`;
    }
  }
  revalidatePath("/console/deliveries");
  redirect(`/console/deliveries?${outcome}`);
}

/** "Retry now": the dispatcher is woken and sends it on its next pass (in incident order). */
export async function retryDeliveryAction(form: FormData): Promise<void> {
  await run(form, retryDelivery, "retried");
}

/** Give up on a dead delivery so later updates of the incident can go out. */
export async function skipDeliveryAction(form: FormData): Promise<void> {
  await run(form, skipDelivery, "skipped");
}

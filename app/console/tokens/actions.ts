"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { createToken } from "@/lib/auth/create-token";
import { revokeToken } from "@/lib/auth/revoke-token";
import { createTokenInput } from "@/lib/auth/token-input";
import { DomainError, isBusyError } from "@/lib/errors";
import { fieldErrors } from "@/lib/incidents/input";
import type { CreateTokenState, RevokeTokenState } from "@/app/console/tokens/state";

const DAY = 86_400_000;

function failure(err: unknown): string {
  if (err instanceof DomainError) return err.message;
  if (isBusyError(err)) return "The database is busy; try again in a moment.";
  console.error("[herald] token action failed", err);
  return "Something went wrong; nothing was changed.";
}

/** Create a token for the signed-in user; the plaintext goes back once and is never stored. */
export async function createTokenAction(_prev: CreateTokenState, form: FormData): Promise<CreateTokenState> {
  const user = await requireUser();
  const parsed = createTokenInput.safeParse({ name: form.get("name"), expiresInDays: form.get("expiresInDays") });
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error);
    return { error: Object.values(fields).join("; "), fields };
  }
  const { name, expiresInDays } = parsed.data;
  try {
    const { token } = await createToken(user.email, user, { name, expiresAt: expiresInDays ? Date.now() + expiresInDays * DAY : null });
    revalidatePath("/console/tokens");
    return { token, name };
  } catch (err) {
    return { error: failure(err) };
  }
}

const revokeInput = z.object({ id: z.coerce.number({ error: "Unknown token" }).int().positive({ error: "Unknown token" }) });

/** Revoke a token: your own, or anyone's if you are an admin (the verb enforces it). */
export async function revokeTokenAction(_prev: RevokeTokenState, form: FormData): Promise<RevokeTokenState> {
  const user = await requireUser();
  const parsed = revokeInput.safeParse({ id: form.get("id") });
  if (!parsed.success) return { error: "Unknown token" };
  try {
    await revokeToken(String(parsed.data.id), user);
    revalidatePath("/console/tokens");
    return { revoked: true };
  } catch (err) {
    return { error: failure(err) };
  }
}

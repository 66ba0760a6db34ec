"use server";

import { z } from "zod";
import { action } from "@/lib/console/action";
import { createToken } from "@/lib/auth/create-token";
import { revokeToken } from "@/lib/auth/revoke-token";
import { createTokenInput } from "@/lib/auth/token-input";
import type { NewToken } from "@/app/console/tokens/state";

const DAY = 86_400_000;

/** Create a token for the signed-in user; the plaintext goes back once and is never stored. */
export const createTokenAction = action(
  createTokenInput,
  ({ name, expiresInDays }, user) => createToken(user.email, user, { name, expiresAt: expiresInDays ? Date.now() + expiresInDays * DAY : null }),
  { revalidate: ["/console/tokens"], done: ({ token }, { name }): { data: NewToken; values: Record<string, string> } => ({ data: { token, name }, values: {} }) },
);

const unknown = { error: "Unknown token" };

/** Revoke a token: your own, or anyone's if you are an admin (the verb enforces it). */
export const revokeTokenAction = action(
  z.object({ id: z.coerce.number(unknown).int(unknown).positive(unknown) }),
  ({ id }, user) => revokeToken(String(id), user),
  { revalidate: ["/console/tokens"] },
);

"use server";

import { publicAction } from "@/lib/console/public-action";
import { passwordPair } from "@/lib/people/password-policy";
import { resetPassword } from "@/lib/people/reset-password";

/** Anyone holding the reset link: set a new password, then sign in with it. */
export const resetPasswordAction = publicAction("reset", passwordPair, (input, ip, token: string) => resetPassword(token, input, ip), {
  redirect: ({ email }) => `/console/signin?done=reset&email=${encodeURIComponent(email)}`,
});

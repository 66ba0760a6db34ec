"use server";

import { action } from "@/lib/console/action";
import { changePassword, changePasswordInput } from "@/lib/people/change-password";

/** Change one's own password; every session (this one too) ends, so sign in again. */
export const changePasswordAction = action(changePasswordInput, (input, user) => changePassword(input, user), {
  values: () => ({}), // never echo a password back
  redirect: () => "/console/signin?done=password",
});

"use server";

import { action } from "@/lib/console/action";
import { formErrors } from "@/lib/console/form-errors";
import { readFormValues } from "@/lib/console/form-state";
import { changePassword, changePasswordInput } from "@/lib/people/change-password";

/** Change one's own password; every session (this one too) ends, so sign in again. */
export const changePasswordAction = action(
  // Read from the form itself: the values echoed back to the page are empty, never a password.
  (_values, fd) => {
    const parsed = changePasswordInput.safeParse(readFormValues(fd));
    return parsed.success ? { ok: true, data: parsed.data } : { ok: false, errors: formErrors(parsed.error) ?? { _: "Invalid form" } };
  },
  (input, user) => changePassword(input, user),
  { values: () => ({}), redirect: () => "/console/signin?done=password" },
);

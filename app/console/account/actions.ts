"use server";

import { action, formAction } from "@/lib/console/action";
import { formErrors } from "@/lib/console/form-errors";
import { readFormValues } from "@/lib/console/form-state";
import { changePassword, changePasswordInput } from "@/lib/people/change-password";
import { noticeMailInput, setNoticeMail } from "@/lib/people/set-notice-mail";

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

/** One's own mail for console notices (a plain form: works without JavaScript). */
export const setNoticeMailAction = formAction(noticeMailInput, (input, user) => setNoticeMail(input, user), {
  revalidate: ["/console/account"],
  redirect: () => "/console/account?saved=notice-mail",
  failed: (message) => `/console/account?error=${encodeURIComponent(message)}`,
});

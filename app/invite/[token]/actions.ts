"use server";

import { publicAction } from "@/lib/console/public-action";
import { acceptInvite, acceptInviteInput } from "@/lib/people/accept-invite";

/** Anyone holding the invite link: set a name and password, then sign in. */
export const acceptInviteAction = publicAction("invite", acceptInviteInput, (input, ip, token: string) => acceptInvite(token, input, ip), {
  redirect: (user) => `/console/signin?done=invite&email=${encodeURIComponent(user.email)}`,
});

"use server";

import { publicAction } from "@/lib/console/public-action";
import { setupFirstAdmin, setupInput } from "@/lib/people/setup-first-admin";

/** First run: create the first admin (refused once anyone has an account), then sign in. */
export const setupAction = publicAction("setup", setupInput, (input, ip) => setupFirstAdmin(input, ip), {
  redirect: () => "/console/signin?done=setup",
});

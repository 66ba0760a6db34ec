"use server";

import { z } from "zod";
import { action } from "@/lib/console/action";
import { siteUrl } from "@/lib/public/site-url";
import { invitePerson, inviteInput } from "@/lib/people/invite-person";
import { issueResetLink } from "@/lib/people/issue-reset-link";
import { revokeLink } from "@/lib/people/revoke-invite";
import { setDisabled, setDisabledInput } from "@/lib/people/set-disabled";
import { setRole, setRoleInput } from "@/lib/people/set-role";
import type { OneTimeLink } from "@/app/console/people/state";

const admin = { role: "admin" as const, revalidate: ["/console/people"] };
const idInput = z.object({ id: z.coerce.number({ error: "unknown entry" }).int().positive({ error: "unknown entry" }) });
// Shown once to the admin (mail does not exist yet); only the token's hash is stored.
const shown = (path: string, r: { token: string; email: string; expiresAt: number }): { data: OneTimeLink } =>
  ({ data: { url: new URL(`${path}/${r.token}`, siteUrl()).href, email: r.email, expiresAt: r.expiresAt } });

export const inviteAction = action(inviteInput, (input, user) => invitePerson(input, user), {
  ...admin, done: (r) => ({ ...shown("/invite", r), values: {} }),
});
export const revokeInviteAction = action(idInput, ({ id }, user) => revokeLink(id, user), admin);
export const issueResetAction = action(idInput, ({ id }, user) => issueResetLink(id, user), { ...admin, done: (r) => shown("/reset", r) });
export const setRoleAction = action(setRoleInput, (input, user) => setRole(input, user), admin);
export const setDisabledAction = action(setDisabledInput, (input, user) => setDisabled(input, user), admin);

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { Reader } from "@/lib/console/action-kit";
import { formErrors } from "@/lib/console/form-errors";
import { readFormValues, type FormState } from "@/lib/console/form-state";
import { beginSigninAttempt } from "@/lib/auth/begin-signin-attempt";
import { forgetSigninAttempt } from "@/lib/auth/forget-signin-attempt";
import { clientIp } from "@/lib/http/client-ip";

export type PublicVerb<I, R, A extends unknown[]> = (input: I, ip: string | null, ...bound: A) => Promise<R>;

/**
 * A server action anyone may call (first-run setup, accepting an invite or reset link). Every try
 * counts against a limit per form and caller address (5 failures a minute, in the sign-in table so
 * instances share it); a success stops counting. Passwords never come back in the form's values.
 */
export function publicAction<I, R, A extends unknown[] = []>(
  kind: string, reader: Reader<I>, verb: PublicVerb<I, R, A>, opts: { redirect: (result: R) => string },
) {
  return async (...args: [...bound: A, prev: FormState | undefined, fd: FormData]): Promise<FormState> => {
    const fd = args[args.length - 1] as FormData;
    const prev = args[args.length - 2] as FormState | undefined;
    const bound = args.slice(0, -2) as A;
    const seq = (prev?.seq ?? 0) + 1;
    const all = readFormValues(fd);
    const values = Object.fromEntries(Object.entries(all).filter(([k]) => !/password|confirm|current/.test(k)));
    const ip = clientIp(await headers());
    // Keyed by form and address only: these failures do not lock anyone out of signing in.
    const attempt = await beginSigninAttempt(`${kind}:${ip ?? "unknown"}`, null);
    if ("retryAfterSeconds" in attempt) {
      return { seq, values, errors: { _: `Too many attempts; try again in ${attempt.retryAfterSeconds} seconds. Nothing was saved.` } };
    }
    const parsed = typeof reader === "function" ? reader(all, fd) : reader.safeParse(all);
    const read = "success" in parsed ? (parsed.success ? { ok: true as const, data: parsed.data } : { ok: false as const, errors: formErrors(parsed.error) ?? { _: "Invalid form" } }) : parsed;
    if (!read.ok) return { seq, values, errors: read.errors };
    let result: R;
    try {
      result = await verb(read.data, ip, ...bound);
    } catch (err) {
      const errors = formErrors(err);
      if (!errors) throw err; // a bug: the error page and the log show it
      return { seq, values, errors };
    }
    await forgetSigninAttempt(attempt.attemptId);
    redirect(opts.redirect(result));
  };
}

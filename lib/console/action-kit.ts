import { redirect } from "next/navigation";
import type { ZodType } from "zod";
import type { Role } from "@/db/schema";
import type { UserActor } from "@/lib/auth/session";
import { formErrors } from "@/lib/console/form-errors";
import { readFormValues, type FormState, type FormValues } from "@/lib/console/form-state";

/** A form reader's answer: the verb's input, or a message per field. */
export type Read<I> = { ok: true; data: I } | { ok: false; errors: Record<string, string> };
/** How a form becomes a verb's input: a zod schema over its text values, or a reader function. */
export type Reader<I> = ZodType<I> | ((values: FormValues, fd: FormData) => Read<I>);

/** The one lib/ verb an action calls. `bound` are the action's .bind() arguments (e.g. an incident id). */
export type Verb<I, R, A extends unknown[]> = (input: I, user: UserActor, ...bound: A) => Promise<R>;

export type ActionOptions<I, R> = {
  /** Who may call it: any signed-in, enabled user unless "admin". Others are redirected away. */
  role?: Role;
  /** The values to show again (default: every text field). */
  values?: (fd: FormData) => FormValues;
  /** Paths to revalidate after the verb succeeded; `refresh` re-renders the current page. */
  revalidate?: string[] | ((result: R, input: I) => string[]);
  refresh?: boolean;
  /** Where to go after success (a form state is then never returned). */
  redirect?: (result: R, input: I) => string;
};

type Outcome<I, R> = { ok: true; input: I; result: R; values: FormValues } | { ok: false; errors: Record<string, string>; values: FormValues };

const parse = <I>(reader: Reader<I>, values: FormValues, fd: FormData): Read<I> => {
  if (typeof reader === "function") return reader(values, fd);
  const parsed = reader.safeParse(values);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, errors: formErrors(parsed.error) ?? { _: "Invalid form" } };
};

/** Check the caller, read the form, call the verb, and explain any failure in the one table. */
/** What the wrapper needs from the request: Next's own functions in the app (lib/console/action.ts). */
export type RequestKit = {
  /** Resolve the caller or throw (redirect) before anything is read: requireUser in the app. */
  requireUser: (role?: Role) => Promise<UserActor>;
  revalidatePath: (path: string) => void;
  refresh: () => void;
};

async function run<I, R, A extends unknown[]>(kit: RequestKit, input: Reader<I>, verb: Verb<I, R, A>, opts: ActionOptions<I, R>, fd: FormData, bound: A): Promise<Outcome<I, R>> {
  const user = await kit.requireUser(opts.role); // redirects (throws) before anything is read
  const values = (opts.values ?? readFormValues)(fd);
  const read = parse(input, values, fd);
  if (!read.ok) return { ok: false, errors: read.errors, values };
  try {
    return { ok: true, input: read.data, result: await verb(read.data, user, ...bound), values };
  } catch (err) {
    const errors = formErrors(err);
    if (!errors) throw err; // a bug, not the user's doing: the error page and the log show it
    return { ok: false, errors, values };
  }
}

function settle<I, R>(kit: RequestKit, spec: ActionOptions<I, R>, outcome: Outcome<I, R>): void {
  const paths = !outcome.ok ? (typeof spec.revalidate === "object" ? spec.revalidate : [])
    : typeof spec.revalidate === "function" ? spec.revalidate(outcome.result, outcome.input) : (spec.revalidate ?? []);
  for (const p of paths) kit.revalidatePath(p);
  if (spec.refresh) kit.refresh();
}

export type Done<R, I, D> = (result: R, input: I, values: FormValues) => Partial<Pick<FormState<D>, "values" | "message" | "data">>;

/** The two action shapes, bound to a request kit. The app uses `action`/`formAction` from lib/console/action.ts. */
export function actionKit(kit: RequestKit) {
  /**
   * A server action for useActionState: `(…bound, prev, formData) → FormState`. Failures come back
   * as messages per field with the typed values kept; success is `saved: true` plus `done`'s extras.
   */
  function action<I, R, A extends unknown[] = [], D = never>(
    input: Reader<I>, verb: Verb<I, R, A>, opts: ActionOptions<I, R> & { done?: Done<R, I, D> } = {},
  ) {
    return async (...args: [...bound: A, prev: FormState<D> | undefined, fd: FormData]): Promise<FormState<D>> => {
      const fd = args[args.length - 1] as FormData;
      const prev = args[args.length - 2] as FormState<D> | undefined;
      const out = await run(kit, input, verb, opts, fd, args.slice(0, -2) as A);
      const seq = (prev?.seq ?? 0) + 1;
      if (!out.ok) return { seq, values: out.values, errors: out.errors };
      settle(kit, opts, out);
      if (opts.redirect) redirect(opts.redirect(out.result, out.input));
      return { seq, values: out.values, errors: {}, saved: true, ...opts.done?.(out.result, out.input, out.values) };
    };
  }

  /**
   * A server action for a plain `<form action>` (works without JavaScript): the page is revalidated
   * either way, then the browser goes to `redirect`, or to `failed(message)` when given.
   */
  function formAction<I, R>(input: Reader<I>, verb: Verb<I, R, []>, opts: ActionOptions<I, R> & { failed?: (message: string) => string } = {}) {
    return async (fd: FormData): Promise<void> => {
      const out = await run(kit, input, verb, opts, fd, []);
      settle(kit, opts, out);
      if (out.ok && opts.redirect) redirect(opts.redirect(out.result, out.input));
      if (!out.ok && opts.failed) redirect(opts.failed(Object.values(out.errors).join(" ")));
    };
  }

  return { action, formAction };
}

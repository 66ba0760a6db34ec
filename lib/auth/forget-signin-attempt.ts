import { eq } from "drizzle-orm";
import { signinAttempts } from "@/db/schema";
import { write } from "@/lib/db/write";

/**
 * A sign-in succeeded: its attempt stops counting. Earlier failures stay (per account and per
 * IP), so signing in to one's own account never launders guesses made at others.
 */
export async function forgetSigninAttempt(attemptId: number): Promise<void> {
  await write(async (tx) => {
    await tx.delete(signinAttempts).where(eq(signinAttempts.id, attemptId));
    return { value: undefined, changes: [] };
  });
}

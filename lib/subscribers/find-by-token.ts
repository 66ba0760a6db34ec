import { eq } from "drizzle-orm";
import { subscribers, type Subscriber } from "@/db/schema";
import type { Tx } from "@/db/client";
import { invalid } from "@/lib/errors";
import { tokenMatches, tokenSubscriberId, type TokenPurpose } from "@/lib/subscribers/tokens";

/** The email subscriber a link's token names; a wrong, stale or unknown token is one 422. */
export async function findByToken(tx: Pick<Tx, "select">, purpose: TokenPurpose, token: string): Promise<Subscriber> {
  const id = tokenSubscriberId(token);
  const row = id === null ? undefined : (await tx.select().from(subscribers).where(eq(subscribers.id, id)).limit(1))[0];
  if (!row || row.channel !== "email" || !tokenMatches(purpose, token, row)) {
    throw invalid("This link is not valid (it may be from an older subscription). Subscribe again on the status page.", { field: "token" });
  }
  return row;
}

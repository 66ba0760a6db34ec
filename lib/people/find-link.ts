import { and, eq } from "drizzle-orm";
import { accountLinks } from "@/db/schema";
import { getDb } from "@/db/client";
import { hashToken } from "@/lib/auth/tokens";
import { explainLinkState, linkState, type LinkKind } from "@/lib/people/link-tokens";

export type LinkView = { ok: true; email: string; role: string | null } | { ok: false; message: string };

/** What an acceptance page shows for a token: the invited email, or why the link cannot be used. */
export async function findLink(kind: LinkKind, token: string, now = Date.now()): Promise<LinkView> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { ok: false, message: explainLinkState("unknown") ?? "" };
  const link = (await getDb().select().from(accountLinks)
    .where(and(eq(accountLinks.tokenHash, hashToken(token)), eq(accountLinks.kind, kind))).limit(1))[0];
  const why = explainLinkState(link ? linkState(link, now) : "unknown");
  return why || !link ? { ok: false, message: why ?? "" } : { ok: true, email: link.email, role: link.role };
}

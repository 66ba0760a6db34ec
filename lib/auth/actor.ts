import type { Role } from "@/db/schema";

/** Who is doing something: a signed-in user, an API token's owner, or Herald itself. */
export type Actor =
  | { kind: "user"; userId: number; email: string; name: string; role: Role }
  | { kind: "token"; userId: number; email: string; name: string; role: Role; tokenPrefix: string }
  | { kind: "system"; name: string };

export const systemActor = (name = "Herald monitor"): Actor => ({ kind: "system", name });

export function actorLabel(actor: Actor): string {
  if (actor.kind === "system") return "system";
  if (actor.kind === "token") return `token:${actor.tokenPrefix} (${actor.email})`;
  return actor.email;
}

export const actorUserId = (actor: Actor): number | null => (actor.kind === "system" ? null : actor.userId);
export const actorDisplayName = (actor: Actor): string => actor.name;

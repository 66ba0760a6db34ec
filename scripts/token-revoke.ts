import { flags, run } from "@/scripts/args";
import { revokeToken } from "@/lib/auth/revoke-token";
import { systemActor } from "@/lib/auth/actor";

const f = flags(["id"], "npm run token:revoke -- --id <token id or prefix>");
await run(async () => {
  if (!f.id) throw new Error("--id is required");
  await revokeToken(f.id, systemActor("cli"));
  console.log(`Revoked token ${f.id}`);
});

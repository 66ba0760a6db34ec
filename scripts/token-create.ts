import { flags, run } from "@/scripts/args";
import { createToken } from "@/lib/auth/create-token";
import { systemActor } from "@/lib/auth/actor";

const f = flags(["email", "name", "expires-days"], "npm run token:create -- --email E [--name N] [--expires-days D]");
await run(async () => {
  if (!f.email) throw new Error("--email is required");
  const days = f["expires-days"] ? Number(f["expires-days"]) : null;
  const { token, id, user } = await createToken(f.email, systemActor("cli"), {
    name: f.name, expiresAt: days ? Date.now() + days * 86_400_000 : null,
  });
  console.log(`Created API token ${id} for ${user.email} (${user.role}). It is shown once; store it now:`);
  console.log(token);
});

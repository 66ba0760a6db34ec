import { flags, run } from "@/scripts/args";
import { createUser } from "@/lib/users/create-user";
import { systemActor } from "@/lib/auth/actor";

const usage = "npm run user:create -- --email E --password P [--role admin|responder] [--name N]";
const f = flags(["email", "password", "role", "name"], usage);
await run(async () => {
  const user = await createUser({ email: f.email ?? "", password: f.password ?? "", role: (f.role ?? "responder") as "admin", name: f.name }, systemActor("cli"));
  console.log(`Created ${user.role} ${user.email} (id ${user.id})`);
});

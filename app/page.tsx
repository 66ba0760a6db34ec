import { connection } from "next/server";
import { listServices } from "@/lib/services/list-services";

export default async function StatusPage() {
  await connection();
  const services = await listServices();
  return <main>{services.map((s) => <p key={s.id}>{s.name}</p>)}</main>;
}

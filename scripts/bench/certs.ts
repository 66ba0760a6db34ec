import type { CertStats } from "@/scripts/bench/report";

/** Placeholder until the certificate checker lands: reports nothing rather than a made-up number. */
export async function certRound(env: NodeJS.ProcessEnv): Promise<CertStats> {
  void env;
  return null;
}

import net from "node:net";

/**
 * A real TCP relay on 127.0.0.1 to `targetPort` that can stop carrying bytes while keeping every
 * socket open: a network partition (no FIN, no RST). While cut, bytes in either direction are
 * dropped and new connections are accepted but never answered; heal() carries bytes again.
 */
export type TcpRelay = { port: number; cut(): void; heal(): void; readonly connections: number; close(): Promise<void> };

export async function startTcpRelay(targetPort: number): Promise<TcpRelay> {
  let cut = false;
  const held = new Set<net.Socket>();
  const hold = (s: net.Socket) => { held.add(s); s.on("close", () => held.delete(s)); };
  const relay = net.createServer((inbound) => {
    hold(inbound);
    inbound.on("error", () => undefined);
    if (cut) return; // accepted, never answered: what a partitioned connect looks like
    const outbound = net.connect(targetPort, "127.0.0.1");
    hold(outbound);
    inbound.on("data", (d) => { if (!cut) outbound.write(d); });
    outbound.on("data", (d) => { if (!cut) inbound.write(d); });
    inbound.on("error", () => outbound.destroy());
    outbound.on("error", () => inbound.destroy());
    // A clean close passes through, but not during a cut: a partition carries no FIN either.
    inbound.on("end", () => { if (!cut) outbound.end(); });
    outbound.on("end", () => { if (!cut) inbound.end(); });
  });
  await new Promise<void>((r) => relay.listen(0, "127.0.0.1", r));
  const { port } = relay.address() as net.AddressInfo;
  return {
    port,
    cut: () => { cut = true; },
    heal: () => { cut = false; },
    get connections() { return held.size; },
    async close() {
      for (const s of held) s.destroy();
      await new Promise((r) => relay.close(r));
    },
  };
}

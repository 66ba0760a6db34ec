export async function register() {
  // The background loop needs Node (SQLite, TLS); the edge runtime never starts it.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startServer } = await import("@/lib/background/start-server");
    await startServer();
  }
}

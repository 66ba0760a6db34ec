/** Read at most `limit` bytes of a response as JSON; null when it is longer, empty or not JSON. */
export async function readJsonBounded(res: Response, limit = 1_000_000): Promise<unknown> {
  if (!res.body) return null;
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    // An instance answering megabytes is not one to trust with our parser's memory.
    if (size > limit) { await reader.cancel(); return null; }
    chunks.push(value);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown;
  } catch {
    return null;
  }
}

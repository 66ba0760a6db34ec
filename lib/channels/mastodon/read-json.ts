import { readBounded } from "@/lib/http/read-bounded";

/** Read at most `limit` bytes of a response as JSON; null when it is longer, empty or not JSON. */
export async function readJsonBounded(res: Response, limit = 1_000_000): Promise<unknown> {
  if (!res.body) return null;
  // An instance answering megabytes is not one to trust with our parser's memory.
  const bytes = await readBounded(res.body, limit);
  if (!bytes) return null;
  try {
    return JSON.parse(bytes.toString("utf8")) as unknown;
  } catch {
    return null;
  }
}

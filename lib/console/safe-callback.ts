/** Longest destination accepted; real console paths are far shorter. */
export const MAX_CALLBACK_LENGTH = 2048;

// Browsers strip TAB/CR/LF and read "\" as "/", so "/\t/evil" and "/\evil" become "//evil".
// Only printable ASCII without "\" is let through, and no encoded "/", "\" or control character.
const UNSAFE_CHAR = /[^\x21-\x5b\x5d-\x7e]/;
const UNSAFE_ESCAPE = /%(?:2f|5c|[01][0-9a-f]|7f)/i;

/**
 * Where to go after sign-in: a same-origin path under /console, judged after parsing it against
 * the public origin (never by its first characters), else `fallback`. Takes a path, or an
 * absolute URL on `origin` itself (next-auth hands those over). Returns path, query and hash.
 */
export function safeCallbackPath(raw: string | string[] | undefined | null, origin: string, fallback = "/console"): string {
  let value = Array.isArray(raw) ? raw[0] : raw;
  if (!value || value.length > MAX_CALLBACK_LENGTH || UNSAFE_CHAR.test(value) || UNSAFE_ESCAPE.test(value)) return fallback;
  let base: URL;
  try {
    base = new URL(origin);
  } catch {
    return fallback;
  }
  if (value.startsWith(`${base.origin}/`)) value = value.slice(base.origin.length);
  if (!value.startsWith("/") || value.startsWith("//")) return fallback;
  let url: URL;
  try {
    url = new URL(value, base.origin);
  } catch {
    return fallback;
  }
  if (url.origin !== base.origin || url.username || url.password) return fallback;
  if (url.pathname !== "/console" && !url.pathname.startsWith("/console/")) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("//") || UNSAFE_CHAR.test(path) ? fallback : path;
}

/** Only same-site paths may be a post-sign-in destination (no "//host" or absolute URLs). */
export function safeCallbackPath(raw: string | string[] | undefined, fallback = "/console"): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}

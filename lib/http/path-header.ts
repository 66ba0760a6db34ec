/** Set by proxy.ts on every request to the path asked for; a client-sent value is overwritten. */
export const PATH_HEADER = "x-herald-path";

/** The sign-in URL that returns to `path` afterwards (console paths only; anything else goes home). */
export function signInUrl(path: string | null): string {
  return path && /^\/console(\/|\?|$)/.test(path) && !path.startsWith("/console/signin")
    ? `/console/signin?callbackUrl=${encodeURIComponent(path)}`
    : "/console/signin";
}

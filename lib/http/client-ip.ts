type HeaderBag = Headers | Record<string, string | string[] | undefined>;

/** The caller's address: the first X-Forwarded-For hop (set by the proxy in front), else X-Real-IP. */
export function clientIp(headers: HeaderBag): string | null {
  const get = (name: string): string | undefined => {
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const v = headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  return get("x-forwarded-for")?.split(",")[0]?.trim() || get("x-real-ip") || null;
}

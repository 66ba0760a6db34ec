/**
 * The public base URL for links in API answers: NEXTAUTH_URL when set (what users reach,
 * even behind a proxy), else the origin the request came in on.
 */
export function publicBaseUrl(req?: Request): string {
  const configured = process.env.NEXTAUTH_URL?.trim();
  if (configured) return configured.replace(/\/+$/, "");
  return req ? new URL(req.url).origin : "http://localhost:3000";
}

export const incidentUrl = (base: string, id: string) => `${base}/incidents/${encodeURIComponent(id)}`;

/** Absolute base for metadata URLs: NEXTAUTH_URL is the address users reach (read per request). */
export function siteUrl(): URL {
  const configured = process.env.NEXTAUTH_URL?.trim();
  try {
    return new URL(configured || "http://localhost:3000");
  } catch {
    return new URL("http://localhost:3000");
  }
}

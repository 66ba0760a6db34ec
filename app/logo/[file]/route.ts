import { getLogo } from "@/lib/page/get-logo";

export const dynamic = "force-dynamic";

/** GET /logo/<sha256 prefix>.<ext>: the page logo. The URL changes with the bytes, so it never expires. */
export async function GET(_req: Request, ctx: { params: Promise<{ file: string }> }) {
  const { file } = await ctx.params;
  const m = /^([0-9a-f]{16})\.(png|jpg|webp)$/.exec(file);
  const logo = m?.[1] ? await getLogo(m[1]) : null;
  if (!logo) return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
  return new Response(new Uint8Array(logo.data), {
    headers: {
      "content-type": logo.contentType,
      "content-length": String(logo.data.byteLength),
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
      etag: `"${logo.sha256}"`,
    },
  });
}

import { createHash } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { pageAssets } from "@/db/schema";
import { write } from "@/lib/db/write";
import { invalid } from "@/lib/errors";
import { LOGO_MAX_BYTES, sniffLogoType } from "@/lib/page/logo-type";
import { LOGO_KEY, logoUrl, type PageLogo } from "@/lib/page/page-settings";

/** Store the page logo (PNG, JPEG or WebP by its magic bytes, ≤ 256 KB), replacing any before; audited. */
export async function saveLogo(file: Uint8Array | Blob, actor: Actor, now = Date.now()): Promise<PageLogo> {
  // A Blob's size is known before its bytes are read: refuse an oversized upload without reading it.
  const size = file instanceof Blob ? file.size : file.byteLength;
  if (size > LOGO_MAX_BYTES) throw invalid(`The logo is ${Math.ceil(size / 1024)} KB; the limit is ${LOGO_MAX_BYTES / 1024} KB`, { field: "logo" });
  const bytes = file instanceof Blob ? new Uint8Array(await file.arrayBuffer()) : file;
  if (bytes.byteLength === 0) throw invalid("Choose a logo file to upload", { field: "logo" });
  if (bytes.byteLength > LOGO_MAX_BYTES) {
    throw invalid(`The logo is ${Math.ceil(bytes.byteLength / 1024)} KB; the limit is ${LOGO_MAX_BYTES / 1024} KB`, { field: "logo" });
  }
  const contentType = sniffLogoType(bytes);
  if (!contentType) throw invalid("The logo must be a PNG, JPEG or WebP image (SVG and other types are refused, whatever the file is named)", { field: "logo" });
  const data = Buffer.from(bytes);
  const sha256 = createHash("sha256").update(data).digest("hex");
  return write(async (tx) => {
    const row = { contentType, data, sha256, updatedAt: now };
    await tx.insert(pageAssets).values({ key: LOGO_KEY, ...row }).onConflictDoUpdate({ target: pageAssets.key, set: row });
    await recordAudit(actor, { action: "settings.logo.updated", target: LOGO_KEY, detail: { contentType, bytes: data.byteLength, sha256 } }, tx, now);
    return { value: { sha256, contentType, url: logoUrl(sha256, contentType) }, changes: [{ kind: "page", id: LOGO_KEY }] };
  });
}

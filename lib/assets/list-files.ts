import fs from "node:fs";
import path from "node:path";

// As a browser writes the name in a URL: safe characters as they are, the rest percent-encoded.
const segment = (name: string) => encodeURIComponent(name).replace(/%(28|29|40|2B|2C|3D|5B|5D)/g, (m) => decodeURIComponent(m));

/**
 * Every regular file under `dir` (symlinks and other kinds are left out), as URL path →
 * absolute file, each at most `maxBytes`. Read once at startup: the build's files are fixed, so
 * a request for a name not listed here is a 404 that never touches the filesystem.
 */
export function listFiles(dir: string, urlPrefix: string, maxBytes: number): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (abs: string, url: string) => {
    let entries: fs.Dirent[];
    try { entries = fs.readdirSync(abs, { withFileTypes: true }); } catch { return; }
    for (const e of entries) {
      const file = path.join(abs, e.name);
      if (e.isDirectory()) walk(file, `${url}${segment(e.name)}/`);
      else if (e.isFile() && fs.statSync(file).size <= maxBytes) found.set(`${url}${segment(e.name)}`, file);
    }
  };
  walk(dir, urlPrefix);
  return found;
}

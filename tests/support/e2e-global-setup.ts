import fs from "node:fs";
import path from "node:path";

/** e2e tests run against `next build` output; fail early with a clear message if it is missing. */
export default function globalSetup(): void {
  const root = path.resolve(import.meta.dirname, "../..");
  if (!fs.existsSync(path.join(root, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"))) throw new Error("Run `npm run build` before the e2e tests (npm test does).");
  fs.mkdirSync(path.join(root, "tests/.tmp"), { recursive: true });
}

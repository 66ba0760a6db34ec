import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

// `npm run test:faults`: crash, outage, lock and backup drills against the built server. Slower
// than the e2e suite (each drill starts, kills and restarts servers), so it runs on its own.
export default defineConfig({ ...base, testDir: "tests/faults", timeout: 180_000 });

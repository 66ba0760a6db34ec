import { defineConfig } from "@playwright/test";

// Debian's chromium: Playwright's own browser download cannot work on these machines.
export default defineConfig({
  testDir: "tests/e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1, // two cores: one test server at a time keeps timings honest
  retries: 0,
  reporter: [["list"]],
  globalSetup: "./tests/support/e2e-global-setup.ts",
  use: {
    browserName: "chromium",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
    trace: "off",
  },
});

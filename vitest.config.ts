import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: [
      // The domain's tables are the active dialect's (db/tables.ts; tsconfig.json maps it the same way).
      { find: /^@\/db\/schema$/, replacement: path.resolve(import.meta.dirname, "db/tables.ts") },
      { find: /^@\//, replacement: path.resolve(import.meta.dirname) + "/" },
      // Tests are the server: the react-server build of server-only is an empty module.
      { find: /^server-only$/, replacement: path.resolve(import.meta.dirname, "node_modules/server-only/empty.js") },
    ],
  },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    setupFiles: ["tests/support/temp-db.ts"],
    // One throwaway PostgreSQL cluster per run; each test file that needs it makes its own database.
    globalSetup: ["tests/support/pg-global-setup.ts"],
    pool: "forks",
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});

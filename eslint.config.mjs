import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Writes go through write() (lib/db/write.ts): lock wait, transaction, after-commit announcement.
const parentImports = { patterns: ["../../*"] };
const writeBypass = (allowTryWrite) => ({
  ...parentImports,
  paths: [
    { name: "@/db/client", importNames: ["beginImmediate", "announceChanges"], message: "Write through write() from @/lib/db/write." },
    // The domain runs on SQLite and PostgreSQL: drizzle-orm's neutral helpers (aliasedTable, sql…) only.
    { name: "drizzle-orm/sqlite-core", message: "Use drizzle-orm's dialect-neutral API; the tables are the active dialect's (db/tables.ts)." },
    ...(allowTryWrite ? [] : [{ name: "@/lib/db/write", importNames: ["tryWrite"], message: "Only lease heartbeats and token use may skip a busy write." }]),
    { name: "@/lib/events/after-commit", importNames: ["committed"], message: "Declare changes in write()'s result instead." },
  ],
});

const config = [
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/ban-ts-comment": "error",
      // `const { a, ...rest } = x` is how a field is left out of a copy.
      "@typescript-eslint/no-unused-vars": ["warn", { ignoreRestSiblings: true }],
      "no-restricted-imports": ["error", parentImports],
    },
  },
  { files: ["lib/**", "app/**", "components/**"], rules: { "no-restricted-imports": ["error", writeBypass(false)] } },
  // Writes that must never wait: a token's lastUsedAt and lease heartbeats are skipped while locked.
  { files: ["lib/auth/authenticate-token.ts", "lib/background/loop.ts"], rules: { "no-restricted-imports": ["error", writeBypass(true)] } },
  { files: ["lib/db/write.ts"], rules: { "no-restricted-imports": ["error", parentImports] } },
  // Every query is awaited (the same code runs on PostgreSQL): a promise left floating, or used
  // as a condition or an array callback's result, is a bug the type checker alone cannot see.
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: false }],
      "@typescript-eslint/await-thenable": "error",
    },
  },
  // better-sqlite3's synchronous .all()/.get()/.run() exist on SQLite only: the domain awaits a query
  // (PostgreSQL has no such methods). The SQLite-only mechanisms (the file watch, the lookup) may.
  {
    files: ["lib/**", "app/**", "components/**"],
    ignores: ["lib/front-cache/change-watch.ts", "lib/front-cache/lookup.ts"],
    rules: {
      "no-restricted-syntax": ["error", {
        selector: "CallExpression[arguments.length=0] > MemberExpression.callee > Identifier.property[name=/^(all|get|run)$/]",
        message: "SQLite-only query API: await the query instead (the same code runs on PostgreSQL).",
      }],
    },
  },
  { ignores: [".next/**", ".next-*/**", "node_modules/**", "data/**", "tests/.tmp/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
];

export default config;

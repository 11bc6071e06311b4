import tseslint from "typescript-eslint";

/**
 * Lint keeps the layers honest: lib/core is pure TypeScript and may import
 * nothing from the framework, the database, the server layer or Node's I/O.
 */
export default tseslint.config(
  { ignores: ["node_modules/**", ".next*/**", "lib/generated/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-empty-object-type": "off",
    },
  },
  {
    // Components get data from pages and call actions: from the server layer they import only
    // actions and types (docs/architecture.md).
    files: ["components/**/*.ts", "components/**/*.tsx"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/server/*", "!@/lib/server/actions", "!@/lib/server/actions/*"],
              allowTypeImports: true,
              message: "Components import from lib/server only actions (lib/server/actions/*) and `import type`; pages load the data.",
            },
            { group: ["@/lib/generated/*", "@prisma/*", "pg"], allowTypeImports: true, message: "Components do not query the database." },
          ],
        },
      ],
    },
  },
  {
    // Pages and route handlers are thin: they call loaders and named service functions, never the
    // database client (docs/architecture.md).
    files: ["app/**/*.ts", "app/**/*.tsx"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [{ group: ["@/lib/server/db/client", "@/lib/generated/*", "@prisma/*", "pg"], allowTypeImports: true, message: "app/ calls loaders and services; queries live in lib/server/services." }],
        },
      ],
    },
  },
  {
    files: ["lib/core/**/*.ts"],
    // Tests beside the code may read fixtures from disk; the code itself may not.
    ignores: ["lib/core/**/*.test.ts", "lib/core/testing/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["next", "next/*", "react", "react/*", "react-dom", "react-dom/*", "next-auth", "next-auth/*"], message: "lib/core is framework-free." },
            { group: ["@prisma/*", "pg", "@/lib/generated/*", "graphile-worker"], message: "lib/core does no I/O: pass data in." },
            { group: ["@/lib/server/*", "@/app/*", "@/components/*", "@/lib/carriers/*", "../server/*", "../../server/*"], message: "lib/core imports nothing from the layers above it." },
            { group: ["node:fs", "node:fs/*", "fs", "node:http", "node:https", "node:net", "node:child_process", "node:crypto", "crypto"], message: "lib/core is pure: no I/O, no randomness." },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        { name: "fetch", message: "lib/core does no I/O." },
        { name: "process", message: "lib/core reads no environment: pass settings in." },
      ],
      "no-restricted-properties": [
        "error",
        { object: "Math", property: "random", message: "lib/core is deterministic: pass randomness in." },
        { object: "Date", property: "now", message: "lib/core takes the clock as an argument." },
      ],
    },
  },
);

import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  // "server-only" throws outside Next's server build; tests load server modules directly (docs/architecture.md).
  resolve: { alias: { "@": path.resolve(import.meta.dirname), "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js") } },
  test: {
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["lib/core/**/*.test.ts", "scripts/**/*.test.ts"], environment: "node" },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/global-setup.ts"],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        // Whole processes (the production server, workers, an SMSC) started as an operator would:
        // run after `next build`, one file at a time (they share ports and the machine's 2 cores).
        extends: true,
        test: {
          name: "system",
          include: ["tests/system/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/system/global-setup.ts"],
          fileParallelism: false,
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});

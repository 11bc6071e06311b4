// `prisma generate` works offline once PRISMA_SCHEMA_ENGINE_BINARY names any
// existing file (the engine is not needed to generate the client and cannot be
// downloaded here). Wherever the real engine exists, it is used as usual.
import { spawnSync } from "node:child_process";

const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
const r = spawnSync("npx", ["prisma", "generate"], { stdio: ["ignore", "ignore", "inherit"], env });
process.exit(r.status ?? 1);

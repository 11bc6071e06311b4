/** `npm run migrate`: applies pending migrations to DATABASE_URL (or the embedded default). */
import { configOrExit } from "@/lib/server/config";
import { prepareDatabase } from "@/lib/server/db/prepare";

configOrExit();

const { migrations, stop } = await prepareDatabase();
console.log(migrations.applied.length ? `Applied: ${migrations.applied.join(", ")}` : "Database is up to date.");
await stop();

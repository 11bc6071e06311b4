/** `npm run migrate`: applies pending migrations to DATABASE_URL (or the embedded default). */
import { prepareDatabase } from "@/lib/server/db/prepare";

const { migrations, stop } = await prepareDatabase();
console.log(migrations.applied.length ? `Applied: ${migrations.applied.join(", ")}` : "Database is up to date.");
await stop();

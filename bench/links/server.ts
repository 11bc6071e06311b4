/**
 * The link listener alone, in its own process (what the launcher runs), for
 * bench:links. argv: DATABASE_URL PORT. Prints "ready" when listening.
 */
import { startLinkServer } from "@/lib/server/links/link-server";

const [url, port] = process.argv.slice(2);
const server = await startLinkServer({ connectionString: url as string, httpPort: Number(port), host: "127.0.0.1" });
console.log("ready");
process.on("SIGTERM", () => {
  void server.stop().then(() => process.exit(0));
});

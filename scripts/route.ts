/**
 * `npm run route -- FILE.json`: runs a routing scenario file and prints one
 * JSON line per send step. Exit codes: 0 ok, 2 malformed file or usage.
 */
import { readFileSync } from "node:fs";
import { parseScenario } from "@/lib/core/scenario/parse-scenario";
import { runScenario } from "@/lib/core/scenario/run-scenario";

function fail(messages: string[]): never {
  for (const m of messages) process.stderr.write(`${m}\n`);
  process.exit(2);
}

const file = process.argv[2];
if (!file || process.argv.length > 3) fail(["usage: npm run route -- FILE.json"]);

let text: string;
try {
  text = readFileSync(file, "utf8");
} catch (e) {
  fail([`${file}: ${(e as Error).message}`]);
}

let raw: unknown;
try {
  raw = JSON.parse(text);
} catch (e) {
  fail([`${file}: invalid JSON: ${(e as Error).message}`]);
}

const parsed = parseScenario(raw);
if (!parsed.ok) fail(parsed.errors.map((m) => `${file}: ${m}`));

for (const line of runScenario(parsed.scenario)) process.stdout.write(`${JSON.stringify(line)}\n`);

/**
 * `npm run bench:core`: routing-core benchmarks (docs/performance.md,
 * "Routing core"). One core, no I/O. Options: --quick for a short run.
 */
import os from "node:os";
import { benchEncoding, printEncoding } from "./encoding";
import { benchSelection, printSelection } from "./sender-selection";
import { benchStickyMemory, printStickyMemory } from "./sticky-memory";

const quick = process.argv.includes("--quick");
console.log(`node ${process.version}, ${os.cpus()[0]?.model ?? "cpu"} x${os.cpus().length}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);

printStickyMemory(benchStickyMemory());
printSelection(benchSelection(quick ? 500_000 : 3_000_000));
printEncoding(benchEncoding("realistic", quick ? 5_000 : 20_000, quick ? 20 : 50));
printEncoding(benchEncoding("adversarial", quick ? 2_000 : 10_000, quick ? 10 : 20));

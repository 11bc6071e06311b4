import { afterEach, describe, expect, it } from "vitest";
import { startSmsc, type Smsc } from "@/tests/smsc/start-smsc";
import { connect, waitBound, waitFor, type Harness } from "./smpp-fixtures";

/*
 * The test SMSC's receipts scheduled on a connection that then drops go to the next bind: the SMPP fault test
 * (tests/system/faults-smpp.test.ts) lost them when the new connection reused the old one's fd and the
 * SMSC wrote them to the closed socket.
 */
let smsc: Smsc | undefined;
let h: Harness | undefined;

afterEach(async () => {
  await h?.connection.stop();
  await smsc?.stop();
  h = undefined;
  smsc = undefined;
});

describe("test SMSC: receipts after a dropped bind", () => {
  it("delivers receipts scheduled before a drop on the next bind", async () => {
    smsc = await startSmsc({ dlrDelayMs: 2_500 });
    h = connect(smsc);
    await waitBound(h);
    const results = await Promise.all(
      [1, 2, 3].map((i) => h!.connection.submit({ messageSid: `SM${String(i).padStart(32, "0")}`, from: "+15005550006", senderKind: "long_code", to: "+447700900001", body: `drop ${i}` })),
    );
    const ids = results.flatMap((r) => (r.accepted ? r.parts.map((p) => p.carrierMessageId) : []));
    expect(ids).toHaveLength(3);
    expect((await smsc.control({ cmd: "drop" })).closed).toBe(1);
    // Reconnected (1 s) before the receipts are due (2.5 s): the new connection takes the freed fd.
    await waitFor("reports", () => ids.every((id) => h!.reports.some((r) => r.carrierMessageId === id)), 10_000);
    expect((await smsc.control({ cmd: "stats" })).deliverSmResps).toBe(3);
  });
});

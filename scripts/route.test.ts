import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const tsx = path.join(root, "node_modules", ".bin", "tsx");

interface Line {
  step: number;
  senderId: string | null;
  from: string | null;
  error: number | null;
  channel: string;
  encoding: string;
  segments: number;
  body: string;
  converted: boolean;
  trace: string[];
}

function route(file: string) {
  const r = spawnSync(tsx, [path.join(root, "scripts/route.ts"), file], { cwd: root, encoding: "utf8" });
  const lines: Line[] = r.stdout
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Line);
  return { status: r.status, lines, stderr: r.stderr };
}

/** [step, senderId or error code] for every send step of each example. */
const EXPECTED: Record<string, Array<[number, string | number]>> = {
  "examples/readme-example.json": [[0, "SC1"], [1, "AI2"], [2, "WA1"], [3, "TF1"], [4, "SC1"]],
  "examples/sender-types.json": [[0, "RC1"], [1, "SC1"], [2, "PN1"], [3, "AI2"], [4, "AI1"], [5, "AI1"], [6, "TF1"], [8, "PN1"]],
  "examples/geomatch.json": [[0, "NY212"], [1, "NY212"], [2, "NY646"], [3, "NY718"], [4, "NY212"], [5, "TOR416"], [6, "GB1"], [7, "NY646"], [9, "NY718"], [10, "SF415"]],
  "examples/sticky-sender.json": [[0, "US1"], [1, "US2"], [2, "US1"], [3, "WA1"], [4, "WA1"], [6, "US1"], [7, "US2"], [9, "US2"], [11, "US1"], [13, "GB1"], [15, "GB1"]],
  "examples/new-country-remap.json": [[0, "US1"], [1, "US1"], [3, "GB1"], [4, "US1"]],
  "examples/mms.json": [[0, "MMS1"], [1, "SMSONLY"], [2, "SMSONLY"], [3, "MMS1"], [5, "MMS1"], [7, 21703]],
  "examples/channels.json": [[0, "WA1"], [1, "RC1"], [2, "RC1"], [3, "RC1"], [4, "RC1"], [5, "PN2"], [6, 21606], [7, 21212], [8, 21606], [9, 21211], [10, 21602]],
  "examples/encoding.json": [[0, "PN1"], [1, "PN1"], [2, "PN1"], [4, "PN1"], [5, "PN1"]],
  "examples/empty-pool.json": [[0, 21704]],
};

describe("npm run route on examples/", () => {
  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(file, () => {
      const r = route(file);
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      expect(r.lines.map((l) => [l.step, l.senderId ?? l.error])).toEqual(expected);
      for (const l of r.lines) {
        expect(l.trace.length).toBeGreaterThan(0);
        if (l.error !== null) expect([l.senderId, l.from]).toEqual([null, null]);
      }
    }, 30_000);
  }

  it("prints the documented first line of the routing-scenarios.md example", () => {
    const [first] = route("examples/readme-example.json").lines;
    expect(first).toEqual({
      step: 0,
      senderId: "SC1",
      from: "55555",
      error: null,
      channel: "sms",
      encoding: "GSM-7",
      segments: 1,
      body: 'Hello "there"',
      converted: false,
      trace: expect.arrayContaining(["sticky: no mapping", "tier short_code: SC1 (US, carrier takes short codes)", "sticky: mapped +14155551234 -> SC1"]) as unknown as string[],
    });
  }, 30_000);

  it("details: conversion, encoding, alerts, channels", () => {
    const mms = route("examples/mms.json").lines;
    expect(mms[2]).toMatchObject({ converted: true, body: "carrier without MMS: converted\nhttps://swy.link/m/1\nhttps://swy.link/m/2" });
    expect(mms[3]).toMatchObject({ converted: true, body: "https://swy.link/m/3" });
    const enc = route("examples/encoding.json").lines;
    expect(enc.map((l) => [l.encoding, l.segments])).toEqual([["GSM-7", 1], ["UCS-2", 1], ["GSM-7", 1], ["UCS-2", 1], ["GSM-7", 2]]);
    expect(enc[0]?.body).toBe('Smart quotes "fixed" - and dashes...');
    const types = route("examples/sender-types.json").lines;
    expect(types[0]?.channel).toBe("rcs");
    expect(types[5]?.trace).toContain("alert: Sender ID pre-registration required for IN");
  }, 60_000);
});

describe("npm run route: malformed files", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "route-"));
  const write = (name: string, content: string) => {
    const f = path.join(dir, name);
    writeFileSync(f, content);
    return f;
  };

  it.each([
    ["examples/malformed.json", "senders[3].type: expected one of long_code, toll_free, short_code, alpha, whatsapp, rcs"],
    [write("bad-json.json", "{"), "invalid JSON"],
    [write("no-senders.json", '{"steps": []}'), "senders: expected array"],
    [write("bad-step.json", '{"senders": [], "steps": [{"send": {"to": "+1", "bodyy": "x"}}]}'), "steps[0].send.bodyy: unknown key"],
    [write("two-kinds.json", '{"senders": [], "steps": [{"send": {"to": "+1"}, "removeSender": "X"}]}'), "steps[0]: expected exactly one of send, removeSender, addSender, setService"],
    [write("remove-unknown.json", '{"senders": [], "steps": [{"removeSender": "X"}]}'), "steps[0].removeSender: no sender X in the pool"],
    [write("bad-service.json", '{"service": {"stickySender": "yes"}, "senders": [], "steps": []}'), "service.stickySender: expected boolean"],
    [write("dup.json", '{"senders": [{"id":"A","type":"alpha","address":"X"},{"id":"A","type":"alpha","address":"Y"}], "steps": []}'), "senders[1].id: duplicate sender id A"],
  ])("%s", (file, message) => {
    const r = route(file);
    expect(r.status).toBe(2);
    expect(r.lines).toEqual([]);
    expect(r.stderr).toContain(message);
  }, 30_000);
});

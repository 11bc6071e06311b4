import net from "node:net";
import tls from "node:tls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmsc, type Smsc } from "@/tests/smsc/start-smsc";
import { makeCertificate } from "./link-certs";
import { connect, waitBound, waitFor, type Harness } from "./smpp-fixtures";

/*
 * SMPP over TLS. Net::SMPP has no TLS, so a TLS terminator (Node's tls
 * server, as stunnel would be in front of an SMSC) forwards to it.
 */

let smsc: Smsc;
let terminator: tls.Server;
let tlsPort: number;
const certificate = makeCertificate({ cn: "smsc.test", sans: ["smsc.test"] });

beforeAll(async () => {
  smsc = await startSmsc();
  terminator = tls.createServer({ cert: certificate.cert, key: certificate.key }, (clear) => {
    const upstream = net.connect({ host: smsc.host, port: smsc.port });
    clear.pipe(upstream).pipe(clear);
    const end = () => {
      clear.destroy();
      upstream.destroy();
    };
    clear.on("error", end).on("close", end);
    upstream.on("error", end).on("close", end);
  });
  await new Promise<void>((resolve) => terminator.listen(0, "127.0.0.1", resolve));
  tlsPort = (terminator.address() as net.AddressInfo).port;
});

afterAll(async () => {
  terminator?.close();
  await smsc?.stop();
});

describe("SMPP over TLS", () => {
  let h: Harness | undefined;

  it("binds, submits and gets the report through TLS, verifying the certificate", async () => {
    h = connect({ ...smsc, port: tlsPort }, { tls: true }, { tlsOptions: { ca: certificate.cert, servername: "smsc.test" } });
    await waitBound(h);
    const result = await h.connection.submit({ messageSid: "SMtls", from: "+15005550006", senderKind: "long_code", to: "+447700900001", body: "over TLS" });
    if (!result.accepted) throw new Error(result.errorMessage);
    await waitFor("report", () => h!.reports.find((r) => r.carrierMessageId === result.parts[0]?.carrierMessageId));
    await h.connection.stop();
  });

  it("refuses a certificate it cannot verify, naming the cause", async () => {
    h = connect({ ...smsc, port: tlsPort }, { tls: true }, { tlsOptions: { servername: "smsc.test" } });
    const bind = await waitFor("error state", () => h!.connection.binds().find((b) => b.state === "error"));
    expect(bind.lastError).toMatch(/^connect failed: (DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE)/);
    await h.connection.stop();
  });
});

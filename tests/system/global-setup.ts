/**
 * The servers these tests start send webhooks, callbacks and carrier requests to receivers on
 * loopback, which outgoing requests refuse unless an operator allows them (docs/security.md
 * "Outgoing requests"): the tests allow loopback, as an on-premises operator would an internal host.
 */
export default function setup() {
  process.env.SWITCHYARD_WEBHOOK_ALLOW ??= "127.0.0.1,::1,localhost";
}

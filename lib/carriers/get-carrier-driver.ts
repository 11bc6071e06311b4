import type { CarrierDriver } from "./driver";
import { createRouterDriver } from "./runtime/router-driver";
import { simulatorDriver } from "./simulator/simulator-driver";
import { config } from "@/lib/server/config";

/**
 * CARRIER_DRIVER selects the driver. `carriers` (the default) sends through
 * the account's carrier connections, and through the simulator for an
 * account without any (docs/carriers.md "Which carrier sends a message");
 * `simulator` forces the simulator for everyone.
 */
export function getCarrierDriver(): CarrierDriver {
  const name = config().CARRIER_DRIVER;
  if (name === "carriers") return createRouterDriver(simulatorDriver);
  if (name === "simulator") return simulatorDriver;
  throw new Error(`Unknown CARRIER_DRIVER "${name}" (available: carriers, simulator)`);
}

import type { CarrierDriver } from "./driver";
import { simulatorDriver } from "./simulator/simulator-driver";
import { config } from "@/lib/server/config";

/** CARRIER_DRIVER selects the driver; the simulator is the default and, for now, the only one. */
export function getCarrierDriver(): CarrierDriver {
  const name = config().CARRIER_DRIVER;
  if (name === "simulator") return simulatorDriver;
  throw new Error(`Unknown CARRIER_DRIVER "${name}" (available: simulator)`);
}

import type { CarrierDriver } from "./driver";
import { simulatorDriver } from "./simulator/simulator-driver";

/** CARRIER_DRIVER selects the driver; the simulator is the default and, for now, the only one. */
export function getCarrierDriver(): CarrierDriver {
  const name = process.env.CARRIER_DRIVER ?? "simulator";
  if (name === "simulator") return simulatorDriver;
  throw new Error(`Unknown CARRIER_DRIVER "${name}" (available: simulator)`);
}

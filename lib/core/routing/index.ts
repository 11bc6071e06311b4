export * from "./types";
export { RoutingPool, createRoutingPool, type PoolEntry } from "./pool";
export { MemoryStickyStore, singleMappingStore, type StickyStore, type MutableStickyStore } from "./sticky-store";
export { selectSender, SENDER_ID_PREREGISTRATION, type SelectContext } from "./select-sender";
export { planMessage, applySelection, type MessagePlan, type PlanContext } from "./plan-message";
export { carrierLookup, type CarrierPrefixes } from "./carrier-prefixes";

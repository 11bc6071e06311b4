/** graphile-worker task identifiers (job rows name them; renaming one orphans queued jobs). */
export const DISPATCH_TASK = "dispatch-message";
export const STATUS_CALLBACK_TASK = "status-callback";
export const DELIVERY_REPORT_TASK = "delivery-report";
export const INBOUND_TASK = "inbound-message";

/** graphile-worker tasks of link shortening (registered in lib/server/pipeline/start-workers.ts). */
export const CLICK_CALLBACK_TASK = "link-click-callback";
export const PROMOTE_CERTIFICATE_TASK = "link-certificate-promote";

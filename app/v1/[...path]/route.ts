import { unknownPathHandlers } from "@/lib/server/api/unknown-path";

/** Any path no other route serves: Twilio's JSON 20404 (docs/api.md "Unknown paths"). */
export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = unknownPathHandlers;

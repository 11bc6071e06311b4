import twilio from "twilio";
import { validateResponse } from "@/tests/conformance/validate-response";
import type { ApiServer } from "./api-server";

export interface Recorded {
  method: string;
  uri: string;
  status: number;
  body: unknown;
  errors: string[];
}

/**
 * The official twilio client, unmodified, pointed at the test server; its
 * HTTP client is wrapped only to record each response and validate it
 * against Twilio's description (tests/conformance/validate-response.ts).
 */
export function conformanceClient(server: ApiServer, username: string, password: string, recorded: Recorded[], accountSid?: string) {
  const http = new twilio.RequestClient();
  const request = http.request.bind(http);
  http.request = (async (opts: Parameters<typeof request>[0]) => {
    const res = await request(opts);
    let body: unknown = res.body;
    if (typeof body === "string" && body) {
      try {
        body = JSON.parse(body);
      } catch {
        // not JSON: recorded as text, and the validator says so
      }
    }
    // 4xx/5xx carry Twilio's error shape, which the description does not list per operation.
    const errors = res.statusCode < 400 ? validateResponse(opts.method, opts.uri, res.statusCode, body) : [];
    recorded.push({ method: opts.method.toUpperCase(), uri: opts.uri, status: res.statusCode, body, errors });
    return res;
  }) as typeof http.request;
  const client = twilio(username, password, { httpClient: http, ...(accountSid ? { accountSid } : {}) });
  client.api.baseUrl = server.url;
  client.messaging.baseUrl = server.url;
  return client;
}

/** Every recorded response that departs from the description, one line each (empty when all conform). */
export const nonConforming = (recorded: Recorded[]) => recorded.flatMap((r) => r.errors);

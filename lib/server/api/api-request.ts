/**
 * What the API layer reads from a request. A web `Request` (Next route
 * handlers) satisfies it, and so does the front server's node:http adapter
 * (front-server.ts), which serves the send hot path without Next.
 */
export interface ApiRequest {
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}

import { authenticate } from "@/lib/server/api/credentials";

/** The simulator's control API uses the REST API's Basic auth; everything is scoped to that account. */
export async function simAccount(req: Request): Promise<string> {
  return (await authenticate(req)).accountSid;
}

"use client";

import { useQuery } from "@tanstack/react-query";
import type { carrierResource } from "@/lib/server/api/resources/carrier";

/** A carrier as the console receives it: the same JSON as the API's Carrier resource. */
export type CarrierJson = ReturnType<typeof carrierResource>;

/** Live state refreshes every 2 s: bind rows are rewritten by the workers every few seconds. */
export const LIVE_REFRESH_MS = 2_000;

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { cache: "no-store" });
  if (!res.ok) throw new Error(res.status === 404 ? "This carrier no longer exists" : "Could not load the carriers' live state");
  return (await res.json()) as T;
}

export function useCarriers(initial: CarrierJson[]) {
  return useQuery({
    queryKey: ["carriers"],
    queryFn: async () => (await getJson<{ carriers: CarrierJson[] }>("/api/console/carriers")).carriers,
    initialData: initial,
    refetchInterval: LIVE_REFRESH_MS,
  });
}

export function useCarrier(initial: CarrierJson) {
  return useQuery({
    queryKey: ["carrier", initial.sid],
    queryFn: () => getJson<CarrierJson>(`/api/console/carriers/${initial.sid}`),
    initialData: initial,
    refetchInterval: LIVE_REFRESH_MS,
  });
}

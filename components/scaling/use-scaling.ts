"use client";

import { useQuery } from "@tanstack/react-query";
import type { ScalingSnapshot } from "@/lib/server/services/scaling/load-scaling-snapshot";

/** The queue moves by the second; a 5 s refresh keeps the figures live without loading the database. */
export const SCALING_REFRESH_MS = 5_000;

export function useScaling(serviceSid: string, initial: ScalingSnapshot) {
  return useQuery({
    queryKey: ["scaling", serviceSid],
    queryFn: async (): Promise<ScalingSnapshot> => {
      const res = await fetch(`/services/${serviceSid}/scaling/live`, { cache: "no-store" });
      if (!res.ok) throw new Error(res.status === 404 ? "This service no longer exists" : "Could not refresh the scaling figures");
      return (await res.json()) as ScalingSnapshot;
    },
    initialData: initial,
    refetchInterval: SCALING_REFRESH_MS,
  });
}

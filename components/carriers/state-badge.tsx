import { Badge } from "@/components/ui/card";

const tone = { bound: "green", binding: "amber", error: "red", unbound: "slate" } as const;

export function CarrierStateBadge({ state }: { state: string }) {
  return <Badge tone={tone[state as keyof typeof tone] ?? "slate"}>{state}</Badge>;
}

/** "2026-12-03 12:00:01" or a dash: live figures read at a glance. */
export const when = (iso: string | null) => (iso ? iso.replace("T", " ").replace("Z", "") : "—");

import { Badge } from "@/components/ui/card";

const tone: Record<string, "green" | "red" | "amber" | "indigo" | "slate"> = {
  delivered: "green",
  received: "green",
  read: "green",
  sent: "indigo",
  failed: "red",
  undelivered: "red",
  canceled: "slate",
  scheduled: "amber",
  accepted: "amber",
  queued: "amber",
  sending: "amber",
};

export function StatusBadge({ status }: { status: string }) {
  return <Badge tone={tone[status] ?? "slate"}>{status}</Badge>;
}

import { EmptyState } from "./card";

export function NotAvailableYet({ what }: { what: string }) {
  return (
    <EmptyState title={`${what} is not available yet`}>This section arrives in a later release of Switchyard.</EmptyState>
  );
}

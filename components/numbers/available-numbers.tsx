import type { AvailableNumber } from "@/lib/core/inventory/search-inventory";
import { EmptyState } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { BuyNumberButton } from "./buy-number-button";
import { capabilityList, numberTypeLabel } from "./number-labels";

/**
 * Search results of the inventory, each with its Buy button (Phone Numbers
 * page) or "Buy and add" into one service's pool (guided setup). `null`: no
 * search yet.
 */
export function AvailableNumbers({ results, serviceSid }: { results: AvailableNumber[] | null; serviceSid?: string }) {
  if (results === null) return null;
  if (results.length === 0) {
    return (
      <div className="mt-4">
        <EmptyState title="No numbers found">Try another area code, type or capability.</EmptyState>
      </div>
    );
  }
  return (
    <div className="mt-4">
      <Table label="Available numbers" head={["Number", "Region", "Type", "Capabilities", <span key="a" className="sr-only">Buy</span>]}>
        {results.map((r) => (
          <tr key={r.phoneNumber}>
            <Td mono>{r.phoneNumber}</Td>
            <Td>{r.region}</Td>
            <Td>{numberTypeLabel(r.numberType)}</Td>
            <Td>{capabilityList({ smsEnabled: r.capabilities.sms, mmsEnabled: r.capabilities.mms, voiceEnabled: r.capabilities.voice })}</Td>
            <Td>
              <BuyNumberButton phoneNumber={r.phoneNumber} serviceSid={serviceSid} />
            </Td>
          </tr>
        ))}
      </Table>
    </div>
  );
}

import Link from "next/link";
import { requirePagePermission } from "@/lib/server/auth/session";
import { Card, PageHeader } from "@/components/ui/card";
import { CarrierForm, NEW_CARRIER_SWITCHES, NEW_CARRIER_VALUES } from "@/components/carriers/carrier-form";

export default async function NewCarrierPage() {
  // A role that may not manage carriers gets the not-found page (docs/team.md "Roles").
  await requirePagePermission("carriers.manage");
  return (
    <>
      <PageHeader
        title="Add carrier"
        description="An SMPP 3.4 connection or a Twilio-compatible API upstream. Its state shows on the Carriers page once the workers bind."
        actions={
          <Link href="/carriers" className="text-sm text-indigo-700 hover:underline">
            Back to Carriers
          </Link>
        }
      />
      <Card>
        <CarrierForm values={NEW_CARRIER_VALUES} switches={NEW_CARRIER_SWITCHES} />
      </Card>
    </>
  );
}

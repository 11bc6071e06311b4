"use client";

import { useQuery } from "@tanstack/react-query";
import { ActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { simulateReplyAction } from "@/lib/server/actions/send-test-actions";
import { fetchMessage } from "./message-watch";

/** The reply goes from the recipient back to the sender the pool chose (both editable). */
export function SimulateReply({ defaultFrom, sentSid }: { defaultFrom: string; sentSid: string | null }) {
  const sent = useQuery({ queryKey: ["watch", sentSid], queryFn: () => fetchMessage(sentSid as string), enabled: Boolean(sentSid) });
  const chosen = sent.data?.from ?? "";
  return (
    <ActionForm action={simulateReplyAction} label="Simulate reply" resetOnSuccess>
      {(state, pending) => (
        <>
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField key={`from-${defaultFrom}`} label="Reply from" id="reply-from" name="from" defaultValue={defaultFrom} error={state.fieldErrors?.from} />
            <TextField key={`to-${chosen}`} label="Reply to" id="reply-to" name="to" defaultValue={chosen} placeholder="One of your senders" error={state.fieldErrors?.to} />
          </div>
          <TextField label="Reply text" id="reply-body" name="body" error={state.fieldErrors?.body} />
          <Button type="submit" variant="secondary" pending={pending}>
            Inject reply
          </Button>
        </>
      )}
    </ActionForm>
  );
}

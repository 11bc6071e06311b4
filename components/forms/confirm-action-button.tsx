"use client";

import { ActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ActionState } from "@/lib/server/actions/action-state";
import type { Permission } from "@/lib/core/auth/roles";
import { useCan, useViewerRole } from "@/components/auth/viewer-role";

/**
 * A destructive action behind a confirmation: the trigger button opens the
 * dialog, whose form (named `formLabel`) posts `fields` as hidden inputs to
 * the server action; `submit` is the confirming button's text.
 */
export function ConfirmActionButton({
  trigger,
  title,
  body,
  action,
  formLabel,
  submit,
  fields,
  onSuccess,
  permission,
}: {
  trigger: string;
  title: string;
  body: string;
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  formLabel: string;
  submit: string;
  fields: Record<string, string>;
  onSuccess?: (state: ActionState) => void;
  /** Hidden for a role without it (docs/team.md "Roles"); without one, hidden for read-only users. */
  permission?: Permission;
}) {
  const role = useViewerRole();
  const allowed = useCan(permission ?? "services.manage");
  if (permission ? !allowed : role === "read_only") return null;
  return (
    <ConfirmDialog trigger={trigger} title={title} body={body}>
      <ActionForm action={action} label={formLabel} className="" onSuccess={onSuccess} permission={permission}>
        {(_state, pending) => (
          <>
            {Object.entries(fields).map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
            <Button type="submit" variant="danger" pending={pending}>
              {submit}
            </Button>
          </>
        )}
      </ActionForm>
    </ConfirmDialog>
  );
}

/** Deleting a resource addressed by its SID, named in the question: "Delete <name>?", confirmed by "Delete". */
export function ConfirmDeleteButton({
  trigger,
  name,
  sid,
  body,
  action,
  formLabel,
}: {
  trigger: string;
  name: string;
  sid: string;
  body: string;
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  formLabel: string;
}) {
  return <ConfirmActionButton trigger={trigger} title={`Delete ${name}?`} body={body} action={action} formLabel={formLabel} submit="Delete" fields={{ sid }} />;
}

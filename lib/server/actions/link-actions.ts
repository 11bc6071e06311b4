"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { ActionState } from "@/lib/server/actions/action-state";
import { formToObject, runAction } from "@/lib/server/actions/run-action";
import { associateService, disassociateService } from "@/lib/server/services/links/associate-service";
import { createDomain } from "@/lib/server/services/links/create-domain";
import { deleteDomain } from "@/lib/server/services/links/delete-domain";
import { serviceDomain } from "@/lib/server/services/links/domain-queries";
import { getService } from "@/lib/server/services/messaging-services/service-queries";
import { certificateSchema, createDomainSchema, domainConfigSchema } from "@/lib/server/services/links/domain-schema";
import { updateDomainConfig } from "@/lib/server/services/links/update-domain-config";
import { uploadCertificate } from "@/lib/server/services/links/upload-certificate";

/** Console actions for link domains: the same services and schemas as the v1 LinkShortening API. */
export async function createDomainAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const state = await runAction(createDomainSchema, formToObject(form), (d, viewer) => createDomain(viewer.accountSid, d), (d) => `Added ${d.domainName}`, { permission: "domains.manage" });
  if (state.ok && typeof state.data?.sid === "string") redirect(`/domains/${state.data.sid}`);
  return state;
}

const sidField = z.object({ sid: z.string().min(1) });

export async function uploadCertificateAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(
    certificateSchema.extend(sidField.shape),
    formToObject(form),
    async ({ sid, tlsCert }, viewer) => {
      const r = await uploadCertificate(viewer.accountSid, sid, tlsCert);
      revalidatePath(`/domains/${sid}`);
      return { sid: r.certs.pending?.sid ?? "" };
    },
    () => "Certificate uploaded: in validation until it takes over",
    { permission: "domains.manage" },
  );
}

export async function updateDomainConfigAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(
    domainConfigSchema.extend(sidField.shape),
    formToObject(form),
    async ({ sid, ...config }, viewer) => {
      const d = await updateDomainConfig(viewer.accountSid, sid, config);
      revalidatePath(`/domains/${sid}`);
      return { sid: d.sid };
    },
    () => "Domain configuration saved",
    { permission: "domains.manage" },
  );
}

const pair = z.object({ domainSid: z.string().min(1), serviceSid: z.string().min(1, "Choose a Messaging Service") });

/** Associate and disassociate: the same form, pages to refresh and shape; only the service call and the toast differ. */
function domainServiceAction(change: (accountSid: string, domainSid: string, serviceSid: string) => Promise<unknown>, message: string) {
  return (form: FormData) =>
    runAction(
      pair,
      formToObject(form),
      async ({ domainSid, serviceSid }, viewer) => {
        await change(viewer.accountSid, domainSid, serviceSid);
        revalidatePath(`/domains/${domainSid}`);
        revalidatePath(`/services/${serviceSid}/links`);
        return { serviceSid };
      },
      () => message,
      { permission: "domains.manage" },
    );
}

const associate = domainServiceAction(associateService, "Messaging Service now uses this domain");
const disassociate = domainServiceAction(disassociateService, "Messaging Service removed from this domain");

export async function associateServiceAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return associate(form);
}

export async function disassociateServiceAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return disassociate(form);
}

/** The service's Link Shortening page: choose its domain ("" = none). */
export async function setServiceDomainAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(
    z.object({ serviceSid: z.string().min(1), domainSid: z.string().optional() }),
    formToObject(form),
    async ({ serviceSid, domainSid }, viewer) => {
      // Another account's service is not found, even when there is nothing to change (docs/security.md).
      await getService(viewer.accountSid, serviceSid);
      const current = await serviceDomain(viewer.accountSid, serviceSid);
      if (current && current.sid !== domainSid) await disassociateService(viewer.accountSid, current.sid, serviceSid);
      if (domainSid && current?.sid !== domainSid) await associateService(viewer.accountSid, domainSid, serviceSid);
      revalidatePath(`/services/${serviceSid}/links`);
      return { domainSid: domainSid ?? "" };
    },
    (r) => (r.domainSid ? "Link shortening domain saved" : "Link shortening turned off for this service"),
    { permission: "services.manage" },
  );
}

export async function deleteDomainAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const state = await runAction(
    sidField,
    formToObject(form),
    async ({ sid }, viewer) => {
      await deleteDomain(viewer.accountSid, sid);
      revalidatePath("/domains");
      return { sid };
    },
    () => "Domain deleted",
    { permission: "domains.manage" },
  );
  if (state.ok) redirect("/domains");
  return state;
}

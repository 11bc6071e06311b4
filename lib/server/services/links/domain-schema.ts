import { z } from "zod";
import { normalizeDomainName } from "@/lib/core/links/domain-name";
import { formBool, optionalUrl } from "@/lib/server/validation/fields";

export const createDomainSchema = z.object({
  domainName: z
    .string({ error: "Domain name is required" })
    .transform((s) => normalizeDomainName(s) ?? "")
    .refine((s) => s !== "", "Enter a domain name such as links.example.com (letters, digits and hyphens; at least two labels)"),
});

export const domainConfigSchema = z
  .object({
    fallbackUrl: optionalUrl,
    callbackUrl: optionalUrl,
    continueOnFailure: formBool,
    disableHttps: formBool,
  })
  .partial();

export const certificateSchema = z.object({
  tlsCert: z.string({ error: "TlsCert is required" }).trim().min(1, "Paste the certificate and its private key (PEM)"),
});

export type DomainConfigInput = z.infer<typeof domainConfigSchema>;

/** Wire param -> field (v1 LinkShortening API). */
export const DOMAIN_PARAMS = { DomainName: "domainName" };
export const CONFIG_PARAMS = { FallbackUrl: "fallbackUrl", CallbackUrl: "callbackUrl", ContinueOnFailure: "continueOnFailure", DisableHttps: "disableHttps" };
export const CERT_PARAMS = { TlsCert: "tlsCert" };

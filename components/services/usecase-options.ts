import { USECASES } from "@/lib/server/services/messaging-services/service-schema";

export const usecaseOptions = USECASES.map((u) => ({ value: u.usecase, label: `${u.purpose} (${u.usecase})` }));

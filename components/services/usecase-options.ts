import { USECASES } from "@/lib/core/messaging-services/usecases";

export const usecaseOptions = USECASES.map((u) => ({ value: u.usecase, label: `${u.purpose} (${u.usecase})` }));

import { availableNumbersRoute } from "../../_lib/available-numbers-route";

export const GET = availableNumbersRoute("toll_free");

/** "SMS, MMS, Voice" for a number's capabilities, "none" when it has none. */
export const capabilityList = (n: { smsEnabled: boolean; mmsEnabled: boolean; voiceEnabled?: boolean }) =>
  [n.smsEnabled && "SMS", n.mmsEnabled && "MMS", n.voiceEnabled && "Voice"].filter(Boolean).join(", ") || "none";

export const numberTypeLabel = (t: string) => (t === "toll_free" ? "Toll-free" : t === "mobile" ? "Mobile" : "Local");

/**
 * SMPP 3.4 command_status values (5.1.3) the client meets, their names for
 * error states ("bind refused: ESME_RINVPASWD (invalid password)"), and what
 * a refused submit_sm means for the message: a Twilio error code and whether
 * the refusal is temporary (retry / fail over) or permanent.
 * docs/carriers.md "Submit errors" has the table.
 */

interface StatusInfo {
  name: string;
  description: string;
  /** Twilio code when a submit_sm is refused with this status. */
  errorCode: number;
  temporary: boolean;
}

const STATUSES: Record<number, StatusInfo> = {
  0x01: { name: "ESME_RINVMSGLEN", description: "message length is invalid", errorCode: 30008, temporary: false },
  0x02: { name: "ESME_RINVCMDLEN", description: "command length is invalid", errorCode: 30008, temporary: false },
  0x03: { name: "ESME_RINVCMDID", description: "invalid command id", errorCode: 30008, temporary: false },
  0x04: { name: "ESME_RINVBNDSTS", description: "incorrect bind status for the command", errorCode: 30008, temporary: true },
  0x05: { name: "ESME_RALYBND", description: "already bound", errorCode: 30008, temporary: true },
  0x06: { name: "ESME_RINVPRTFLG", description: "invalid priority flag", errorCode: 30008, temporary: false },
  0x07: { name: "ESME_RINVREGDLVFLG", description: "invalid registered delivery flag", errorCode: 30008, temporary: false },
  0x08: { name: "ESME_RSYSERR", description: "system error", errorCode: 30008, temporary: true },
  0x0a: { name: "ESME_RINVSRCADR", description: "invalid source address", errorCode: 30007, temporary: false },
  0x0b: { name: "ESME_RINVDSTADR", description: "invalid destination address", errorCode: 30005, temporary: false },
  0x0c: { name: "ESME_RINVMSGID", description: "message id is invalid", errorCode: 30008, temporary: false },
  0x0d: { name: "ESME_RBINDFAIL", description: "bind failed", errorCode: 30008, temporary: true },
  0x0e: { name: "ESME_RINVPASWD", description: "invalid password", errorCode: 30008, temporary: true },
  0x0f: { name: "ESME_RINVSYSID", description: "invalid system_id", errorCode: 30008, temporary: true },
  0x14: { name: "ESME_RMSGQFUL", description: "message queue full", errorCode: 30001, temporary: true },
  0x15: { name: "ESME_RINVSERTYP", description: "invalid service type", errorCode: 30008, temporary: false },
  0x33: { name: "ESME_RINVNUMDESTS", description: "invalid number of destinations", errorCode: 30008, temporary: false },
  0x40: { name: "ESME_RINVDESTFLAG", description: "invalid destination flag", errorCode: 30008, temporary: false },
  0x42: { name: "ESME_RINVSUBREP", description: "invalid submit with replace", errorCode: 30008, temporary: false },
  0x43: { name: "ESME_RINVESMCLASS", description: "invalid esm_class", errorCode: 30008, temporary: false },
  0x44: { name: "ESME_RCNTSUBDL", description: "cannot submit to distribution list", errorCode: 30008, temporary: false },
  0x45: { name: "ESME_RSUBMITFAIL", description: "submit_sm failed", errorCode: 30008, temporary: true },
  0x48: { name: "ESME_RINVSRCTON", description: "invalid source address TON", errorCode: 30007, temporary: false },
  0x49: { name: "ESME_RINVSRCNPI", description: "invalid source address NPI", errorCode: 30007, temporary: false },
  0x50: { name: "ESME_RINVDSTTON", description: "invalid destination address TON", errorCode: 30005, temporary: false },
  0x51: { name: "ESME_RINVDSTNPI", description: "invalid destination address NPI", errorCode: 30005, temporary: false },
  0x53: { name: "ESME_RINVSYSTYP", description: "invalid system_type", errorCode: 30008, temporary: true },
  0x54: { name: "ESME_RINVREPFLAG", description: "invalid replace_if_present flag", errorCode: 30008, temporary: false },
  0x55: { name: "ESME_RINVNUMMSGS", description: "invalid number of messages", errorCode: 30008, temporary: false },
  0x58: { name: "ESME_RTHROTTLED", description: "throttling error (ESME has exceeded allowed message limits)", errorCode: 30001, temporary: true },
  0x61: { name: "ESME_RINVSCHED", description: "invalid scheduled delivery time", errorCode: 30008, temporary: false },
  0x62: { name: "ESME_RINVEXPIRY", description: "invalid message validity period", errorCode: 30008, temporary: false },
  0x63: { name: "ESME_RINVDFTMSGID", description: "predefined message invalid or not found", errorCode: 30008, temporary: false },
  0x64: { name: "ESME_RX_T_APPN", description: "ESME receiver temporary app error", errorCode: 30008, temporary: true },
  0x65: { name: "ESME_RX_P_APPN", description: "ESME receiver permanent app error", errorCode: 30008, temporary: false },
  0x66: { name: "ESME_RX_R_APPN", description: "ESME receiver reject message error", errorCode: 30007, temporary: false },
  0x67: { name: "ESME_RQUERYFAIL", description: "query_sm request failed", errorCode: 30008, temporary: false },
  0xc0: { name: "ESME_RINVOPTPARSTREAM", description: "error in the optional part of the PDU body", errorCode: 30008, temporary: false },
  0xc1: { name: "ESME_ROPTPARNOTALLWD", description: "optional parameter not allowed", errorCode: 30008, temporary: false },
  0xc2: { name: "ESME_RINVPARLEN", description: "invalid parameter length", errorCode: 30008, temporary: false },
  0xc3: { name: "ESME_RMISSINGOPTPARM", description: "expected optional parameter missing", errorCode: 30008, temporary: false },
  0xc4: { name: "ESME_RINVOPTPARAMVAL", description: "invalid optional parameter value", errorCode: 30008, temporary: false },
  0xfe: { name: "ESME_RDELIVERYFAILURE", description: "delivery failure", errorCode: 30003, temporary: false },
  0xff: { name: "ESME_RUNKNOWNERR", description: "unknown error", errorCode: 30008, temporary: false },
};

export const ESME_RTHROTTLED = 0x58;
export const ESME_RMSGQFUL = 0x14;

/** True for the two statuses that mean "slow down", retried on the same bind after a back-off. */
export function isThrottle(status: number): boolean {
  return status === ESME_RTHROTTLED || status === ESME_RMSGQFUL;
}

/** "ESME_RINVPASWD (invalid password)", or "command_status 0x00000401" for a vendor-specific value. */
export function describeStatus(status: number): string {
  const info = STATUSES[status];
  return info ? `${info.name} (${info.description})` : `command_status 0x${status.toString(16).padStart(8, "0")}`;
}

/**
 * A refused submit_sm → Twilio code and temporary flag. Vendor-specific
 * values (0x400–0x4FF) and unknown ones are permanent 30008: retrying an
 * error we cannot interpret would only repeat it.
 */
export function mapSubmitStatus(status: number): { errorCode: number; temporary: boolean; message: string } {
  const info = STATUSES[status];
  const message = `submit_sm refused: ${describeStatus(status)}`;
  return info ? { errorCode: info.errorCode, temporary: info.temporary, message } : { errorCode: 30008, temporary: false, message };
}

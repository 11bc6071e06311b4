/**
 * GSM 03.38 characters exactly as sms-segments-calculator's UnicodeToGSM map
 * lists them (127 basic + 10 extension). The escape 0x1B itself is not a
 * sendable character, and neither is lower-case ç (only Ç is in the table).
 */
export const GSM_BASIC =
  "\n\r !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz" +
  "¡£¤¥§¿ÄÅÆÇÉÑÖØÜßàäåæèéìñòöøùüΓΔΘΛΞΠΣΦΨΩ";

/** Extension-table characters: each costs two septets (escape + code). */
export const GSM_EXTENSION = "\f[\\]^{|}~€";

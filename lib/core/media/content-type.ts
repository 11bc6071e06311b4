/**
 * The content type of a message's media URL, from its file extension.
 * The server never fetches a media URL to find out (an arbitrary URL fetched
 * server-side is an SSRF risk; docs/api.md "Media"), so the extension is
 * the only evidence; without a known one the type is the generic binary type.
 */
const BY_EXTENSION: Record<string, string> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  gif: "image/gif",
  webp: "image/webp",
  bmp: "image/bmp",
  heic: "image/heic",
  mp4: "video/mp4",
  "3gp": "video/3gpp",
  mov: "video/quicktime",
  mp3: "audio/mpeg",
  m4a: "audio/mp4",
  amr: "audio/amr",
  ogg: "audio/ogg",
  wav: "audio/wav",
  pdf: "application/pdf",
  vcf: "text/vcard",
  txt: "text/plain",
  csv: "text/csv",
};

export const UNKNOWN_MEDIA_TYPE = "application/octet-stream";

export function mediaContentType(url: string): string {
  // The path only: a query string or fragment is not part of the file name.
  const path = url.split(/[?#]/, 1)[0] ?? "";
  const name = path.slice(path.lastIndexOf("/") + 1);
  const dot = name.lastIndexOf(".");
  if (dot <= 0) return UNKNOWN_MEDIA_TYPE;
  return BY_EXTENSION[name.slice(dot + 1).toLowerCase()] ?? UNKNOWN_MEDIA_TYPE;
}

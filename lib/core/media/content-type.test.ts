import { describe, expect, it } from "vitest";
import { mediaContentType, UNKNOWN_MEDIA_TYPE } from "./content-type";

describe("mediaContentType", () => {
  it.each([
    ["https://example.com/cat.jpg", "image/jpeg"],
    ["https://example.com/a/b/CAT.JPEG", "image/jpeg"],
    ["https://example.com/clip.mp4?sig=abc.png", "video/mp4"],
    ["https://example.com/card.vcf#x", "text/vcard"],
    ["https://example.com/doc.pdf", "application/pdf"],
    ["https://example.com/image", UNKNOWN_MEDIA_TYPE],
    ["https://example.com/.hidden", UNKNOWN_MEDIA_TYPE],
    ["https://example.com/archive.tar.xz", UNKNOWN_MEDIA_TYPE],
    ["https://example.com/", UNKNOWN_MEDIA_TYPE],
  ])("%s -> %s", (url, type) => {
    expect(mediaContentType(url)).toBe(type);
  });
});

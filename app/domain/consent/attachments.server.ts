/**
 * Signed consent forms: PDF, PNG or JPEG, at most 10 MB. The type is decided by the
 * file's first bytes, never by its name or the browser's claim.
 */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

const signatures: { mimeType: string; bytes: number[] }[] = [
  { mimeType: "application/pdf", bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { mimeType: "image/png", bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mimeType: "image/jpeg", bytes: [0xff, 0xd8, 0xff] },
];

/** The content type the bytes really are, or null when they are none of the accepted kinds. */
export function sniffAttachment(data: Uint8Array): string | null {
  for (const s of signatures) {
    if (data.length >= s.bytes.length && s.bytes.every((b, i) => data[i] === b)) return s.mimeType;
  }
  return null;
}

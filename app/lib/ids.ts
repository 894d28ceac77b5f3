import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";

/** A random, unguessable record id (16 bytes, base32: 26 characters). */
export function createId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

/** Ids in URLs are checked against this shape before any lookup. */
export const idPattern = /^[a-z2-7]{26}$/;

import { hash, verify } from "@node-rs/argon2";

/**
 * Argon2id (the library's default algorithm) with OWASP's minimum recommendation:
 * 19 MiB memory, 2 iterations, 1 lane.
 */
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

// Verified against when the account does not exist, so both paths cost the same.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  if (storedHash === null) {
    dummyHash ??= hashPassword("stafettlogg-no-such-account");
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(storedHash, password).catch(() => false);
}

/**
 * X25519 (RFC 7748 §5) with the results kept: a run's keys come from its seed, so the
 * same private key (and the same peer share) comes back across a run's connections and
 * across reruns with that seed. Same bytes as calling @noble/curves directly.
 */
import { x25519 } from '@noble/curves/ed25519.js';
import { copyBytes, keyHex, memo } from './memo';

const publics = memo<Uint8Array>(64, copyBytes);
const shared = memo<Uint8Array>(64, copyBytes);

/** The public key (u-coordinate of k·9) for a 32-byte private key. */
export function x25519PublicKey(privateKey: Uint8Array): Uint8Array {
  return publics.get(keyHex(privateKey), () => x25519.getPublicKey(privateKey));
}

/** The shared secret X25519(k, u); throws as noble does on an all-zero result (RFC 7748 §6.1). */
export function x25519SharedSecret(privateKey: Uint8Array, publicKey: Uint8Array): Uint8Array {
  return shared.get(`${keyHex(privateKey)}:${keyHex(publicKey)}`, () => x25519.getSharedSecret(privateKey, publicKey));
}

/** For tests: how many entries each cache holds. */
export const dhCacheSizes = () => ({ publics: publics.size, shared: shared.size });

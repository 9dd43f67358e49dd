/**
 * A seeded scenario for tests: www.example.com with a demo chain, keys and
 * randoms from SHA-256 of labels, one HTTP/1.1 request and response.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { asciiEncode } from '../wire/bytes';
import { daysFromCivil } from './der';
import type { HandshakeOptions } from './handshake';
import { buildDemoChain } from './x509';

const T0 = daysFromCivil(2025, 1, 1) * 86400;
const YEAR = 365 * 86400;
/** 32 deterministic bytes per label. */
const seeded = (label: string) => sha256(asciiEncode(`seed-7/${label}`));

/** The options of the demo handshake, with any of them overridden. */
export function demoOptions(over: Partial<HandshakeOptions> = {}): HandshakeOptions {
  const pki = buildDemoChain({ host: 'www.example.com', seed: 'seed-7', notBefore: T0, notAfter: T0 + YEAR });
  return {
    clientRandom: seeded('client-random'), serverRandom: seeded('server-random'),
    clientPrivateKey: seeded('client-x25519'), serverPrivateKey: seeded('server-x25519'),
    sessionId: seeded('session-id'),
    serverName: 'www.example.com', alpn: ['h2', 'http/1.1'],
    certificateChain: pki.chain, certificatePrivateKey: pki.leaf.privateKey, trustedRoots: [pki.root.der], now: T0 + 30 * 86400,
    clientData: [asciiEncode('GET / HTTP/1.1\r\nHost: www.example.com\r\n\r\n')],
    serverData: [asciiEncode('HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello')],
    ...over,
  };
}


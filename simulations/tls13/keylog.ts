/**
 * The NSS key log format (SSLKEYLOGFILE) that Wireshark/tshark read to
 * decrypt TLS 1.3: one "<label> <client_random hex> <secret hex>" per line.
 */
import { toHex } from '../wire/bytes';

export interface KeyLogSecrets {
  clientHandshakeTrafficSecret?: Uint8Array;
  serverHandshakeTrafficSecret?: Uint8Array;
  clientApplicationTrafficSecret0?: Uint8Array;
  serverApplicationTrafficSecret0?: Uint8Array;
}

const LINES: [keyof KeyLogSecrets, string][] = [
  ['clientHandshakeTrafficSecret', 'CLIENT_HANDSHAKE_TRAFFIC_SECRET'],
  ['serverHandshakeTrafficSecret', 'SERVER_HANDSHAKE_TRAFFIC_SECRET'],
  ['clientApplicationTrafficSecret0', 'CLIENT_TRAFFIC_SECRET_0'],
  ['serverApplicationTrafficSecret0', 'SERVER_TRAFFIC_SECRET_0'],
];

/** The key log lines for whichever secrets are known, each ending in a newline. */
export function nssKeyLog(clientRandom: Uint8Array, secrets: KeyLogSecrets): string {
  if (clientRandom.length !== 32) throw new Error('keylog: client_random must be 32 bytes');
  const cr = toHex(clientRandom);
  return LINES.filter(([k]) => secrets[k]).map(([k, label]) => `${label} ${cr} ${toHex(secrets[k]!)}\n`).join('');
}

/**
 * The three tables beside the diagram: the keys each side holds, the certificate
 * chain as the client checks it, and what the eavesdropper has copied so far.
 */
import type { CountersEntity } from '../../figures/panels';
import type { Text } from '../../core/text';
import { toHex } from '../../wire/bytes';
import type { Captured, CertCheck, SecretTable } from '../../https';

const tx = (ko: string, en: string): Text => ({ ko, en });

export const SECRET_LABEL: Record<string, Text> = {
  shared_secret: tx('공유 비밀 (X25519 ECDHE)', 'Shared secret (X25519 ECDHE)'),
  handshake_secret: tx('Handshake Secret', 'Handshake Secret'),
  client_handshake_traffic_secret: tx('클라이언트 핸드셰이크 트래픽 키', 'Client handshake traffic secret'),
  server_handshake_traffic_secret: tx('서버 핸드셰이크 트래픽 키', 'Server handshake traffic secret'),
  master_secret: tx('Master Secret', 'Master Secret'),
  client_application_traffic_secret_0: tx('클라이언트 애플리케이션 트래픽 키', 'Client application traffic secret'),
  server_application_traffic_secret_0: tx('서버 애플리케이션 트래픽 키', 'Server application traffic secret'),
  pre_master_secret: tx('프리마스터 비밀 (X25519 ECDHE)', 'Pre-master secret (X25519 ECDHE)'),
  client_write_key: tx('client_write_key (AES-128)', 'client_write_key (AES-128)'),
  server_write_key: tx('server_write_key (AES-128)', 'server_write_key (AES-128)'),
};

/** The first 6 bytes in hex: enough to see two values are equal. */
export const short = (b: Uint8Array) => `${toHex(b.subarray(0, 6))}…`;

export function keysTable(order: readonly string[], secrets: { client: SecretTable; server: SecretTable }, known: { client: string[]; server: string[] }, eve: boolean): CountersEntity {
  const cell = (side: 'client' | 'server', k: string) => (known[side].includes(k) && secrets[side][k] ? short(secrets[side][k]) : '—');
  return {
    kind: 'counters', id: 'keys', title: tx('각자 가진 키 (앞 6바이트)', 'Keys each side holds (first 6 bytes)'),
    columns: [tx('클라이언트', 'client'), tx('서버', 'server'), ...(eve ? [tx('도청자', 'eavesdropper')] : [])],
    rows: order.map((k) => ({ label: SECRET_LABEL[k], values: [cell('client', k), cell('server', k), ...(eve ? ['—'] : [])] })),
  };
}

const mark = (c: 'ok' | 'fail' | 'n/a') => (c === 'ok' ? '✓' : c === 'fail' ? '✗' : '—');
const ROLE: Record<CertCheck['role'], Text> = { root: tx('루트 CA', 'root CA'), intermediate: tx('중간 CA', 'intermediate CA'), leaf: tx('서버 인증서', 'leaf') };

/** Root first, then down to the leaf; `checked` false before the client has read the Certificate. */
export function chainTable(checks: CertCheck[], checked: boolean): CountersEntity {
  return {
    kind: 'counters', id: 'chain', title: tx('인증서 체인 (루트 → 중간 → 서버)', 'Certificate chain (root → intermediate → leaf)'),
    columns: [tx('유효 기간', 'dates'), tx('발급자 서명', 'issuer signature'), tx('이름 · CA · 신뢰', 'name · CA · trust')],
    rows: checks.map((c) => ({
      label: { ko: `${ROLE[c.role].ko}: ${c.subject}`, en: `${ROLE[c.role].en}: ${c.subject}` },
      values: checked ? [mark(c.validity), mark(c.signature), mark(c.nameOrTrust)] : ['…', '…', '…'],
    })),
  };
}

/** Runs of 5+ printable ASCII characters, as `strings` would print them. */
export function readable(bytes: Uint8Array, max = 60): string {
  const runs: string[] = [];
  let cur = '';
  for (const b of bytes) {
    if (b >= 0x20 && b < 0x7f) cur += String.fromCharCode(b);
    else {
      if (cur.length >= 5) runs.push(cur);
      cur = '';
    }
  }
  if (cur.length >= 5) runs.push(cur);
  let s = runs.join(' ⏎ ');
  // Too long: the first run and the last (an HTTP start line and its body).
  if (s.length > max && runs.length > 1) s = `${runs[0]} … ${runs[runs.length - 1]}`;
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

export function eveTable(captured: Captured[]): CountersEntity {
  return {
    kind: 'counters', id: 'eve-copied', title: tx('도청자가 복사한 바이트', 'What the eavesdropper copied'),
    columns: [tx('바이트', 'bytes'), tx('처음 8바이트 (hex)', 'first 8 bytes (hex)'), tx('읽을 수 있는 글자', 'readable text')],
    rows: captured.map((c) => ({
      label: c.from === 'client' ? tx('클라이언트 → 서버', 'client → server') : tx('서버 → 클라이언트', 'server → client'),
      values: [String(c.bytes.length), toHex(c.bytes.subarray(0, 8), ' '), readable(c.bytes) || '—'],
    })),
  };
}

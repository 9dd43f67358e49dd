/**
 * DNS messages as they travel: a UDP datagram to or from port 53 whose payload is the
 * RFC 1035 encoding (with name compression) of the message, kept as hex so a trace is
 * plain JSON. Every actor decodes what it receives: nothing but bytes crosses a link.
 */
import { decodeDns, dnsTypeCode, encodeDns, type DnsMessage, type DnsRecord } from '../wire/dns';
import { fromHex, toHex } from '../wire/bytes';
import type { UdpPacketRef } from '../core/packets';
import { showName } from './zones';

export interface Datagram {
  src: string;
  dst: string;
  srcPort: number;
  dstPort: number;
  /** The DNS message, encoded. */
  hex: string;
}

export const DNS_PORT = 53;

export function encodeDatagram(m: DnsMessage, addr: Omit<Datagram, 'hex'>): Datagram {
  return { ...addr, hex: toHex(encodeDns(m)) };
}

export function decodeDatagram(d: Datagram): Required<DnsMessage> {
  return decodeDns(fromHex(d.hex));
}

/** The packet ref the inspector and the capture encode (UDP, DNS payload). */
export function packetRef(d: Datagram, t: number): UdpPacketRef {
  return { proto: 'udp', fields: { src: d.src, dst: d.dst, srcPort: d.srcPort, dstPort: d.dstPort, dataHex: d.hex, t, app: 'dns' } };
}

export const RCODE_NAMES: Record<number, string> = { 0: 'NOERROR', 1: 'FORMERR', 2: 'SERVFAIL', 3: 'NXDOMAIN', 4: 'NOTIMP', 5: 'REFUSED' };

export const typeName = (t: DnsMessage['questions'][number]['type']): string => (typeof t === 'number' ? `TYPE${t}` : t);

/** A record's data, in zone-file style, short as the diagrams label it. */
export const rdataText = (r: DnsRecord): string => rdata(r, false);
/** A record's data as a zone file writes it (RFC 1035 §5.1): names fully qualified, every SOA field. */
export const zoneFileData = (r: DnsRecord): string => rdata(r, true);

function rdata(r: DnsRecord, full: boolean): string {
  const name = full ? (n: string) => (n === '' ? '.' : `${n}.`) : showName;
  switch (r.type) {
    case 'A':
    case 'AAAA':
      return r.address;
    case 'NS':
    case 'CNAME':
      return name(r.host);
    case 'MX':
      return `${r.preference} ${name(r.exchange)}`;
    case 'TXT':
      return r.texts.map((s) => JSON.stringify(s)).join(' ');
    case 'SOA':
      return `${name(r.mname)} ${name(r.rname)} ${r.serial} ${full ? `${r.refresh} ${r.retry} ${r.expire}` : '…'} ${r.minimum}`;
    default:
      return `${(r as { data: Uint8Array }).data.length} bytes`;
  }
}

/** What kind of response this is, from its header and sections alone. */
export type ResponseKind = 'answer' | 'cname' | 'referral' | 'nodata' | 'nxdomain' | 'servfail' | 'refused' | 'other';

export function responseKind(m: DnsMessage): ResponseKind {
  const rcode = m.rcode ?? 0;
  if (rcode === 3) return 'nxdomain';
  if (rcode === 2) return 'servfail';
  if (rcode === 5) return 'refused';
  if (rcode !== 0) return 'other';
  const q = m.questions[0];
  const answers = m.answers ?? [];
  if (answers.length) {
    const want = dnsTypeCode(q.type);
    return answers.some((r) => dnsTypeCode(r.type as never) === want) ? 'answer' : 'cname';
  }
  if ((m.authority ?? []).some((r) => r.type === 'NS') && !m.aa) return 'referral';
  return 'nodata';
}

/** The short summary after the colon of a response label. */
function summary(m: DnsMessage): string {
  const kind = responseKind(m);
  const answers = m.answers ?? [];
  const want = dnsTypeCode(m.questions[0].type);
  switch (kind) {
    case 'referral': {
      const cut = (m.authority ?? []).find((r) => r.type === 'NS')!.name;
      return `referral → ${showName(cut)}`;
    }
    case 'answer': {
      const own = answers.filter((r) => dnsTypeCode(r.type as never) === want);
      const cn = answers.length - own.length;
      return `${cn ? `CNAME×${cn}, ` : ''}${typeName(m.questions[0].type)} ${rdataText(own[0])}${own.length > 1 ? ` +${own.length - 1}` : ''}`;
    }
    case 'cname':
      return `CNAME ${rdataText(answers[answers.length - 1])}`;
    case 'nodata':
      return 'NODATA';
    default:
      return RCODE_NAMES[m.rcode ?? 0] ?? `RCODE ${m.rcode}`;
  }
}

/**
 * The label drawn on the arrow, from the decoded message alone (tests decode the bytes
 * again and compare): `www.naver.com A?` for a query, `www.naver.com A: referral → com aa=0 an=0`
 * for a response.
 */
export function labelOf(m: DnsMessage): string {
  const q = m.questions[0];
  const head = `${showName(q.name)} ${typeName(q.type)}`;
  if (!m.qr) return `${head}? id=0x${m.id.toString(16).padStart(4, '0')}${m.rd ? ' rd' : ''}`;
  return `${head}: ${summary(m)} aa=${m.aa ? 1 : 0} an=${(m.answers ?? []).length}`;
}

/** The few characters on the flying packet. */
export function chipOf(m: DnsMessage): string {
  if (!m.qr) return `? ${typeName(m.questions[0].type)}`;
  const kind = responseKind(m);
  switch (kind) {
    case 'referral':
      return 'NS ↓';
    case 'answer':
      return typeName(m.questions[0].type);
    case 'cname':
      return 'CNAME';
    case 'nodata':
      return 'NODATA';
    default:
      return RCODE_NAMES[m.rcode ?? 0] ?? 'ERR';
  }
}

/**
 * DNS messages (RFC 1035): header, questions and resource records, with name
 * compression on encode and guarded decompression on decode.
 */
import { t, type Text } from '../core/text';
import { asciiEncode, bytesToIpv4, ipv4ToBytes, latin1Decode, utf8Decode, utf8Encode, view } from './bytes';
import { field, hex16, setOrNot, type Field, type Layer } from './fields';

export const DNS_TYPES = { A: 1, NS: 2, CNAME: 5, SOA: 6, MX: 15, TXT: 16, AAAA: 28 } as const;
export type DnsTypeName = keyof typeof DNS_TYPES;
export const DNS_CLASS_IN = 1;

export interface DnsQuestion {
  /** 'www.example.com' (a trailing dot is allowed; '' is the root). */
  name: string;
  type: DnsTypeName | number;
  /** Default 1 (IN). */
  class?: number;
}

export type DnsRData =
  | { type: 'A'; address: string }
  | { type: 'AAAA'; address: string }
  | { type: 'NS'; host: string }
  | { type: 'CNAME'; host: string }
  | { type: 'MX'; preference: number; exchange: string }
  | { type: 'TXT'; texts: string[] }
  | { type: 'SOA'; mname: string; rname: string; serial: number; refresh: number; retry: number; expire: number; minimum: number }
  /** Any other type: opaque RDATA. */
  | { type: number; data: Uint8Array };

export type DnsRecord = { name: string; ttl: number; /** Default 1 (IN). */ class?: number } & DnsRData;

export interface DnsMessage {
  id: number;
  /** false = query, true = response. */
  qr: boolean;
  opcode?: number;
  aa?: boolean;
  tc?: boolean;
  rd?: boolean;
  ra?: boolean;
  /** The three reserved bits (RFC 1035 Z; later used for AD/CD). */
  z?: number;
  rcode?: number;
  questions: DnsQuestion[];
  answers?: DnsRecord[];
  authority?: DnsRecord[];
  additional?: DnsRecord[];
}

const TYPE_NAMES = new Map<number, DnsTypeName>(Object.entries(DNS_TYPES).map(([k, v]) => [v, k as DnsTypeName]));

export function dnsTypeCode(type: DnsTypeName | number): number {
  return typeof type === 'number' ? type : DNS_TYPES[type];
}
function typeFromCode(code: number): DnsTypeName | number {
  return TYPE_NAMES.get(code) ?? code;
}
function typeLabel(code: number): string {
  return `${TYPE_NAMES.get(code) ?? 'TYPE' + code} (${code})`;
}
const classLabel = (c: number) => (c === 1 ? 'IN (0x0001)' : hex16(c));

// ---------------------------------------------------------------- names

/** Splits and checks a name: labels 1..63 octets, at most 255 octets on the wire. */
export function nameLabels(name: string): string[] {
  const n = name.endsWith('.') ? name.slice(0, -1) : name;
  if (n === '') return [];
  const labels = n.split('.');
  let wire = 1;
  for (const l of labels) {
    if (l.length === 0) throw new Error(`DNS: empty label in ${JSON.stringify(name)}`);
    if (l.length > 63) throw new Error(`DNS: label ${JSON.stringify(l.slice(0, 10) + '…')} is ${l.length} octets, the limit is 63`);
    asciiEncode(l); // throws on non-ASCII
    wire += 1 + l.length;
  }
  if (wire > 255) throw new Error(`DNS: name is ${wire} octets on the wire, the limit is 255`);
  return labels;
}

// ---------------------------------------------------------------- IPv6 text

export function ipv6ToBytes(addr: string): Uint8Array {
  const halves = addr.split('::');
  if (halves.length > 2) throw new Error(`invalid IPv6 address ${JSON.stringify(addr)}`);
  const parse = (s: string) => (s === '' ? [] : s.split(':'));
  const head = parse(halves[0]);
  const tail = halves.length === 2 ? parse(halves[1]) : [];
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 1 && missing !== 0) || (halves.length === 2 && missing < 1)) {
    throw new Error(`invalid IPv6 address ${JSON.stringify(addr)}`);
  }
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  const out = new Uint8Array(16);
  groups.forEach((g, i) => {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) throw new Error(`invalid IPv6 address ${JSON.stringify(addr)}`);
    const v = parseInt(g, 16);
    out[i * 2] = v >> 8;
    out[i * 2 + 1] = v & 0xff;
  });
  return out;
}

/** RFC 5952 text: lowercase, longest run (2+) of zero groups shortened to '::'. */
export function bytesToIpv6(b: Uint8Array, offset = 0): string {
  const g: number[] = [];
  for (let i = 0; i < 8; i++) g.push((b[offset + i * 2] << 8) | b[offset + i * 2 + 1]);
  let bestStart = -1, bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (g[i] !== 0) { i++; continue; }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen) { bestStart = i; bestLen = j - i; }
    i = j;
  }
  const hex = g.map((x) => x.toString(16));
  if (bestLen < 2) return hex.join(':');
  return hex.slice(0, bestStart).join(':') + '::' + hex.slice(bestStart + bestLen).join(':');
}

// ---------------------------------------------------------------- encode

class Writer {
  bytes: number[] = [];
  /** Suffix (exact spelling) -> offset of its first occurrence. */
  names = new Map<string, number>();
  constructor(private compress: boolean) {}
  u8(n: number) { this.bytes.push(n & 0xff); }
  u16(n: number) {
    if (!Number.isInteger(n) || n < 0 || n > 0xffff) throw new Error(`DNS: ${n} does not fit in 16 bits`);
    this.bytes.push(n >> 8, n & 0xff);
  }
  u32(n: number) {
    if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) throw new Error(`DNS: ${n} does not fit in 32 bits`);
    this.bytes.push((n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
  }
  raw(b: Uint8Array) { for (const x of b) this.bytes.push(x); }
  name(name: string) {
    const labels = nameLabels(name);
    for (let i = 0; i < labels.length; i++) {
      const suffix = labels.slice(i).join('.');
      const at = this.names.get(suffix);
      if (this.compress && at !== undefined) {
        this.u16(0xc000 | at);
        return;
      }
      if (this.bytes.length < 0x4000 && at === undefined) this.names.set(suffix, this.bytes.length);
      this.u8(labels[i].length);
      this.raw(asciiEncode(labels[i]));
    }
    this.u8(0);
  }
}

function writeRecord(w: Writer, r: DnsRecord) {
  w.name(r.name);
  const code = typeof r.type === 'number' ? r.type : DNS_TYPES[r.type];
  w.u16(code);
  w.u16(r.class ?? DNS_CLASS_IN);
  w.u32(r.ttl);
  const lenAt = w.bytes.length;
  w.u16(0);
  const start = w.bytes.length;
  switch (r.type) {
    case 'A': w.raw(ipv4ToBytes(r.address)); break;
    case 'AAAA': w.raw(ipv6ToBytes(r.address)); break;
    case 'NS': case 'CNAME': w.name(r.host); break;
    case 'MX': w.u16(r.preference); w.name(r.exchange); break;
    case 'TXT':
      if (r.texts.length === 0) throw new Error('DNS: TXT needs at least one string');
      for (const s of r.texts) {
        const b = utf8Encode(s);
        if (b.length > 255) throw new Error('DNS: TXT string longer than 255 octets');
        w.u8(b.length);
        w.raw(b);
      }
      break;
    case 'SOA':
      w.name(r.mname); w.name(r.rname);
      w.u32(r.serial); w.u32(r.refresh); w.u32(r.retry); w.u32(r.expire); w.u32(r.minimum);
      break;
    default: w.raw((r as { data: Uint8Array }).data);
  }
  const len = w.bytes.length - start;
  if (len > 0xffff) throw new Error('DNS: RDATA too long');
  w.bytes[lenAt] = len >> 8;
  w.bytes[lenAt + 1] = len & 0xff;
}

export function encodeDns(m: DnsMessage, opts: { compress?: boolean } = {}): Uint8Array {
  const w = new Writer(opts.compress ?? true);
  const sections = [m.questions, m.answers ?? [], m.authority ?? [], m.additional ?? []];
  w.u16(m.id);
  const opcode = m.opcode ?? 0, z = m.z ?? 0, rcode = m.rcode ?? 0;
  if (opcode > 15 || z > 7 || rcode > 15) throw new Error('DNS: opcode/z/rcode out of range');
  w.u16(
    (m.qr ? 0x8000 : 0) | (opcode << 11) | (m.aa ? 0x400 : 0) | (m.tc ? 0x200 : 0) |
      (m.rd ? 0x100 : 0) | (m.ra ? 0x80 : 0) | (z << 4) | rcode,
  );
  for (const s of sections) w.u16(s.length);
  for (const q of m.questions) {
    w.name(q.name);
    w.u16(dnsTypeCode(q.type));
    w.u16(q.class ?? DNS_CLASS_IN);
  }
  for (const s of sections.slice(1)) for (const r of s as DnsRecord[]) writeRecord(w, r);
  return Uint8Array.from(w.bytes);
}

// ---------------------------------------------------------------- decode

export interface DnsNameRead {
  name: string;
  /** Position just after the name's in-place bytes. */
  end: number;
  /** Where the first compression pointer sits, and where it points (message-relative). */
  pointerAt?: number;
  pointerTo?: number;
}

/**
 * Reads a possibly compressed name at `pos` of `msg`. Each pointer must point
 * strictly before the previous jump target (or the name's own start), so a
 * loop or a forward pointer is an error, never a hang.
 */
export function readDnsName(msg: Uint8Array, pos: number): DnsNameRead {
  const labels: string[] = [];
  let wire = 1;
  let limit = pos;
  let p = pos;
  let end = -1;
  let pointerAt: number | undefined, pointerTo: number | undefined;
  for (;;) {
    if (p >= msg.length) throw new Error(`DNS: name at ${pos} runs past the end of the message`);
    const len = msg[p];
    if ((len & 0xc0) === 0xc0) {
      if (p + 1 >= msg.length) throw new Error(`DNS: truncated compression pointer at ${p}`);
      const target = ((len & 0x3f) << 8) | msg[p + 1];
      if (target >= limit) {
        throw new Error(`DNS: compression pointer at ${p} points to ${target}, which is not before ${limit} (loop or forward pointer)`);
      }
      if (end < 0) { end = p + 2; pointerAt = p; pointerTo = target; }
      limit = target;
      p = target;
      continue;
    }
    if ((len & 0xc0) !== 0) throw new Error(`DNS: unsupported label type 0x${len.toString(16)} at ${p}`);
    if (len === 0) {
      if (end < 0) end = p + 1;
      break;
    }
    if (p + 1 + len > msg.length) throw new Error(`DNS: label at ${p} runs past the end of the message`);
    wire += 1 + len;
    if (wire > 255) throw new Error(`DNS: name at ${pos} is longer than 255 octets`);
    labels.push(latin1Decode(msg.subarray(p + 1, p + 1 + len)));
    p += 1 + len;
  }
  return { name: labels.join('.'), end, pointerAt, pointerTo };
}

interface Parsed {
  message: Required<DnsMessage>;
  fields: Field[];
  length: number;
}

const FLAG_INFO: [string, string, number, Text][] = [
  ['dns.flags.response', 'Response', 0x8000, t('0이면 질의, 1이면 응답', '0 = query, 1 = response')],
  ['dns.flags.opcode', 'Opcode', 0x7800, t('질의 종류 (0은 표준 질의)', 'kind of query (0 = standard query)')],
  ['dns.flags.authoritative', 'Authoritative', 0x0400, t('이 이름을 책임지는 서버가 직접 답했음', 'the answer comes from a server in charge of the name')],
  ['dns.flags.truncated', 'Truncated', 0x0200, t('메시지가 잘렸음: TCP로 다시 물어야 함', 'the message was cut short; ask again over TCP')],
  ['dns.flags.recdesired', 'Recursion desired', 0x0100, t('끝까지 대신 찾아 달라는 요청 (재귀 질의)', 'please resolve it all the way for me (recursion)')],
  ['dns.flags.recavail', 'Recursion available', 0x0080, t('이 서버는 재귀 질의를 해 줄 수 있음', 'this server offers recursion')],
  ['dns.flags.z', 'Z (reserved)', 0x0070, t('예약된 비트', 'reserved bits')],
  ['dns.flags.rcode', 'Reply code', 0x000f, t('결과 코드 (0은 정상, 3은 그런 이름 없음)', 'result code (0 = no error, 3 = no such name)')],
];

const RCODES = ['No error', 'Format error', 'Server failure', 'No such name', 'Not implemented', 'Refused'];

/** Parses the DNS message in bytes[offset, end); field offsets are absolute. */
function parse(bytes: Uint8Array, offset: number, end: number): Parsed {
  const msg = bytes.subarray(offset, end);
  if (msg.length < 12) throw new Error('DNS: message shorter than the 12-byte header');
  const dv = view(msg);
  const flags = dv.getUint16(2);
  const counts = [dv.getUint16(4), dv.getUint16(6), dv.getUint16(8), dv.getUint16(10)];
  const A = (rel: number) => offset + rel;
  const need = (p: number, n: number, what: string) => {
    if (p + n > msg.length) throw new Error(`DNS: ${what} at ${p} runs past the end of the message`);
  };

  const nameField = (key: string, label: string, r: DnsNameRead, start: number, meaning: Text): Field => {
    const shown = r.name === '' ? '<Root>' : r.name;
    const extra: { meaning: Text; children?: Field[] } = { meaning };
    if (r.pointerAt !== undefined) {
      extra.children = [
        field('dns.name.pointer', 'Compression pointer', `${hex16(0xc000 | r.pointerTo!)} → offset ${r.pointerTo}`, A(r.pointerAt), 2, {
          meaning: t(
            `이름의 나머지는 메시지의 ${r.pointerTo}번째 바이트에 이미 있으니 그곳을 가리킴`,
            `the rest of the name already appears at byte ${r.pointerTo} of the message, so point there`,
          ),
        }),
      ];
    }
    return field(key, label, shown, A(start), r.end - start, extra);
  };

  const flagFields = FLAG_INFO.map(([key, label, mask, meaning]) => {
    const v = flags & mask;
    let shown: string;
    if (mask === 0x7800) shown = String(v >> 11);
    else if (mask === 0x000f) shown = `${RCODES[v] ?? 'code'} (${v})`;
    else if (mask === 0x0070) shown = String(v >> 4);
    else shown = mask === 0x8000 ? (v ? 'Message is a response' : 'Message is a query') : setOrNot(v !== 0);
    return field(key, label, shown, A(2), 2, { mask, meaning });
  });

  const fields: Field[] = [
    field('dns.id', 'Transaction ID', hex16(dv.getUint16(0)), A(0), 2, { meaning: t('질의와 응답을 짝지어 주는 번호', 'pairs a response with its query') }),
    field('dns.flags', 'Flags', hex16(flags), A(2), 2, { children: flagFields }),
    field('dns.count.queries', 'Questions', counts[0], A(4), 2, { meaning: t('질문 개수', 'number of questions') }),
    field('dns.count.answers', 'Answer RRs', counts[1], A(6), 2, { meaning: t('답 레코드 개수', 'number of answer records') }),
    field('dns.count.auth_rr', 'Authority RRs', counts[2], A(8), 2, { meaning: t('권한 서버 레코드 개수', 'number of authority records') }),
    field('dns.count.add_rr', 'Additional RRs', counts[3], A(10), 2, { meaning: t('추가 정보 레코드 개수', 'number of additional records') }),
  ];

  let p = 12;
  const questions: DnsQuestion[] = [];
  const qFields: Field[] = [];
  for (let i = 0; i < counts[0]; i++) {
    const start = p;
    const n = readDnsName(msg, p);
    need(n.end, 4, 'question');
    const type = dv.getUint16(n.end), cls = dv.getUint16(n.end + 2);
    p = n.end + 4;
    questions.push({ name: n.name, type: typeFromCode(type), class: cls });
    qFields.push(field('dns.qry', `${n.name || '<Root>'}: type ${TYPE_NAMES.get(type) ?? type}, class ${cls === 1 ? 'IN' : cls}`, '', A(start), p - start, {
      children: [
        nameField('dns.qry.name', 'Name', n, start, t('찾으려는 도메인 이름', 'the domain name being looked up')),
        field('dns.qry.type', 'Type', typeLabel(type), A(n.end), 2, { meaning: t('원하는 레코드 종류 (A는 IPv4 주소)', 'record type wanted (A = IPv4 address)') }),
        field('dns.qry.class', 'Class', classLabel(cls), A(n.end + 2), 2, { meaning: t('주소 체계, 거의 언제나 IN(인터넷)', 'address family, almost always IN (Internet)') }),
      ],
    }));
  }
  if (qFields.length) fields.push(field('dns.queries', 'Queries', '', A(12), p - 12, { children: qFields }));

  const sectionInfo: [string, string][] = [['dns.answers', 'Answers'], ['dns.authority', 'Authoritative nameservers'], ['dns.additional', 'Additional records']];
  const sections: DnsRecord[][] = [];
  for (let s = 0; s < 3; s++) {
    const records: DnsRecord[] = [];
    const rFields: Field[] = [];
    const sectionStart = p;
    for (let i = 0; i < counts[s + 1]; i++) {
      const start = p;
      const n = readDnsName(msg, p);
      need(n.end, 10, 'resource record');
      const type = dv.getUint16(n.end), cls = dv.getUint16(n.end + 2);
      const ttl = dv.getUint32(n.end + 4), rdlength = dv.getUint16(n.end + 8);
      const rd = n.end + 10;
      need(rd, rdlength, 'RDATA');
      const rdEnd = rd + rdlength;
      const kids: Field[] = [
        nameField('dns.resp.name', 'Name', n, start, t('이 레코드가 설명하는 이름', 'the name this record is about')),
        field('dns.resp.type', 'Type', typeLabel(type), A(n.end), 2, { meaning: t('레코드 종류', 'record type') }),
        field('dns.resp.class', 'Class', classLabel(cls), A(n.end + 2), 2),
        field('dns.resp.ttl', 'Time to live', `${ttl} seconds`, A(n.end + 4), 4, { meaning: t('이 답을 캐시에 보관해도 되는 시간', 'how long this answer may be cached') }),
        field('dns.resp.len', 'Data length', rdlength, A(n.end + 8), 2),
      ];
      const base = { name: n.name, ttl, class: cls };
      let rec: DnsRecord;
      const exact = (endPos: number, what: string) => {
        if (endPos !== rdEnd) throw new Error(`DNS: ${what} RDATA length ${rdlength} does not match its contents`);
      };
      const typeName = TYPE_NAMES.get(type);
      if (typeName === 'A') {
        exact(rd + 4, 'A');
        rec = { ...base, type: 'A', address: bytesToIpv4(msg, rd) };
        kids.push(field('dns.a', 'Address', rec.address, A(rd), 4, { meaning: t('이 이름의 IPv4 주소', 'the IPv4 address of the name') }));
      } else if (typeName === 'AAAA') {
        exact(rd + 16, 'AAAA');
        rec = { ...base, type: 'AAAA', address: bytesToIpv6(msg, rd) };
        kids.push(field('dns.aaaa', 'AAAA Address', rec.address, A(rd), 16, { meaning: t('이 이름의 IPv6 주소', 'the IPv6 address of the name') }));
      } else if (typeName === 'NS' || typeName === 'CNAME') {
        const h = readDnsName(msg, rd);
        exact(h.end, typeName);
        rec = { ...base, type: typeName, host: h.name };
        kids.push(typeName === 'NS'
          ? nameField('dns.ns', 'Name Server', h, rd, t('이 영역을 맡은 네임서버', 'a name server in charge of this zone'))
          : nameField('dns.cname', 'CNAME', h, rd, t('진짜 이름(별칭이 가리키는 이름)', 'the canonical name this alias points to')));
      } else if (typeName === 'MX') {
        need(rd, 2, 'MX');
        const pref = dv.getUint16(rd);
        const h = readDnsName(msg, rd + 2);
        exact(h.end, 'MX');
        rec = { ...base, type: 'MX', preference: pref, exchange: h.name };
        kids.push(field('dns.mx.preference', 'Preference', pref, A(rd), 2, { meaning: t('작을수록 먼저 시도하는 메일 서버', 'lower values are tried first') }));
        kids.push(nameField('dns.mx.mail_exchange', 'Mail Exchange', h, rd + 2, t('메일을 받는 서버', 'the server that accepts mail')));
      } else if (typeName === 'TXT') {
        const texts: string[] = [];
        let q = rd;
        while (q < rdEnd) {
          const l = msg[q];
          if (q + 1 + l > rdEnd) throw new Error('DNS: TXT string runs past its RDATA');
          texts.push(utf8Decode(msg.subarray(q + 1, q + 1 + l)));
          kids.push(field('dns.txt', 'TXT', texts[texts.length - 1], A(q), 1 + l, { meaning: t('자유 형식 텍스트', 'free-form text') }));
          q += 1 + l;
        }
        if (texts.length === 0) throw new Error('DNS: empty TXT RDATA');
        rec = { ...base, type: 'TXT', texts };
      } else if (typeName === 'SOA') {
        const m1 = readDnsName(msg, rd);
        const m2 = readDnsName(msg, m1.end);
        exact(m2.end + 20, 'SOA');
        const u = (k: number) => dv.getUint32(m2.end + k * 4);
        rec = { ...base, type: 'SOA', mname: m1.name, rname: m2.name, serial: u(0), refresh: u(1), retry: u(2), expire: u(3), minimum: u(4) };
        kids.push(nameField('dns.soa.mname', 'Primary name server', m1, rd, t('이 영역의 원본 네임서버', 'the primary server of this zone')));
        kids.push(nameField('dns.soa.rname', 'Responsible authority mailbox', m2, m1.end, t('관리자 메일 주소 (첫 점이 @)', "administrator's mailbox (the first dot is the @)")));
        const soaKeys: [string, string, number][] = [
          ['dns.soa.serial_number', 'Serial Number', rec.serial], ['dns.soa.refresh_interval', 'Refresh Interval', rec.refresh],
          ['dns.soa.retry_interval', 'Retry Interval', rec.retry], ['dns.soa.expire_limit', 'Expire limit', rec.expire],
          ['dns.soa.minimum_ttl', 'Minimum TTL', rec.minimum],
        ];
        soaKeys.forEach(([k, l, v], i) => kids.push(field(k, l, v, A(m2.end + i * 4), 4)));
      } else {
        rec = { ...base, type, data: msg.slice(rd, rdEnd) };
        kids.push(field('dns.data', 'Data', `${rdlength} bytes`, A(rd), rdlength));
      }
      p = rdEnd;
      records.push(rec);
      rFields.push(field('dns.resp', `${n.name || '<Root>'}: type ${typeName ?? type}, class ${cls === 1 ? 'IN' : cls}`, '', A(start), p - start, { children: kids }));
    }
    sections.push(records);
    if (rFields.length) fields.push(field(sectionInfo[s][0], sectionInfo[s][1], '', A(sectionStart), p - sectionStart, { children: rFields }));
  }

  return {
    message: {
      id: dv.getUint16(0),
      qr: (flags & 0x8000) !== 0,
      opcode: (flags >> 11) & 0xf,
      aa: (flags & 0x400) !== 0,
      tc: (flags & 0x200) !== 0,
      rd: (flags & 0x100) !== 0,
      ra: (flags & 0x80) !== 0,
      z: (flags >> 4) & 7,
      rcode: flags & 0xf,
      questions,
      answers: sections[0],
      authority: sections[1],
      additional: sections[2],
    },
    fields,
    length: p,
  };
}

/** Decodes a DNS message; every optional field of the result is filled in. */
export function decodeDns(bytes: Uint8Array, offset = 0, end = bytes.length): Required<DnsMessage> {
  return parse(bytes, offset, end).message;
}

export function describeDns(bytes: Uint8Array, offset = 0, end = bytes.length): Layer {
  const p = parse(bytes, offset, end);
  const m = p.message;
  return {
    key: 'dns',
    title: `Domain Name System (${m.qr ? 'response' : 'query'})`,
    offset,
    length: p.length,
    fields: p.fields,
  };
}

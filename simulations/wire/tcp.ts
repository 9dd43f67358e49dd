/** TCP header (RFC 9293) with options and the IPv4 pseudo-header checksum. */
import { t, type Text } from '../core/text';
import { concat, internetChecksum, view } from './bytes';
import { field, hex16, setOrNot, type Field, type Layer } from './fields';
import { IPPROTO_TCP, ipv4PseudoHeader, type IpPair } from './ipv4';

export type TcpOption =
  | { kind: 'eol' }
  | { kind: 'nop' }
  | { kind: 'mss'; value: number }
  | { kind: 'wscale'; shift: number }
  | { kind: 'sackPermitted' }
  | { kind: 'sack'; blocks: [left: number, right: number][] }
  | { kind: 'timestamps'; tsval: number; tsecr: number }
  | { kind: 'unknown'; type: number; data: Uint8Array };

export interface TcpFlags {
  cwr?: boolean;
  ece?: boolean;
  urg?: boolean;
  ack?: boolean;
  psh?: boolean;
  rst?: boolean;
  syn?: boolean;
  fin?: boolean;
}

export interface TcpHeader {
  srcPort: number;
  dstPort: number;
  /** Unsigned 32-bit. */
  seq: number;
  /** Acknowledgment number, unsigned 32-bit. */
  ack: number;
  flags: TcpFlags;
  window: number;
  urgentPointer?: number;
  /** Padded with zero bytes (EOL) to a 32-bit boundary; at most 40 bytes. */
  options?: TcpOption[];
  /** Write this checksum instead of the correct one. */
  checksum?: number;
}

export interface TcpDecoded extends Required<Omit<TcpHeader, 'flags' | 'checksum'>> {
  flags: Required<TcpFlags>;
  /** Header length in 32-bit words. */
  dataOffset: number;
  checksum: number;
  /** Only known when the IPv4 addresses were given. */
  checksumValid?: boolean;
  payload: Uint8Array;
}

const FLAG_BITS: [keyof TcpFlags, number, string, string, Text][] = [
  ['cwr', 0x80, 'tcp.flags.cwr', 'Congestion Window Reduced', t('혼잡 신호를 받고 혼잡 윈도를 줄였다는 알림 (ECN)', 'the sender has cut its congestion window (ECN)')],
  ['ece', 0x40, 'tcp.flags.ece', 'ECN-Echo', t('경로에서 혼잡이 표시되었다고 상대에게 알려 줌 (ECN)', 'tells the peer that congestion was marked on the path (ECN)')],
  ['urg', 0x20, 'tcp.flags.urg', 'Urgent', t('긴급 포인터 값이 유효함', 'the urgent pointer is valid')],
  ['ack', 0x10, 'tcp.flags.ack', 'Acknowledgment', t('확인 번호가 유효함: 그 앞까지 잘 받았다는 뜻', 'the acknowledgment number is valid: everything before it arrived')],
  ['psh', 0x08, 'tcp.flags.push', 'Push', t('모아 두지 말고 바로 애플리케이션에 넘기라는 표시', 'hand the data to the application right away')],
  ['rst', 0x04, 'tcp.flags.reset', 'Reset', t('연결을 즉시 끊어 버림', 'aborts the connection at once')],
  ['syn', 0x02, 'tcp.flags.syn', 'Syn', t('연결을 열자는 요청 (시퀀스 번호 동기화)', 'asks to open a connection (synchronizes sequence numbers)')],
  ['fin', 0x01, 'tcp.flags.fin', 'Fin', t('보낼 데이터를 다 보냈으니 연결을 닫자는 표시', 'the sender has no more data: close this direction')],
];

const u16 = (n: number, what: string): number => {
  if (!Number.isInteger(n) || n < 0 || n > 0xffff) throw new Error(`TCP: ${what} ${n} out of range`);
  return n;
};
const u32 = (n: number, what: string): number => {
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) throw new Error(`TCP: ${what} ${n} out of range`);
  return n;
};

export function encodeTcpOptions(options: readonly TcpOption[]): Uint8Array {
  const out: number[] = [];
  const push32 = (n: number) => out.push((n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
  for (const o of options) {
    switch (o.kind) {
      case 'eol': out.push(0); break;
      case 'nop': out.push(1); break;
      case 'mss': out.push(2, 4, u16(o.value, 'MSS') >> 8, o.value & 0xff); break;
      case 'wscale':
        if (o.shift < 0 || o.shift > 255) throw new Error('TCP: window scale shift out of range');
        out.push(3, 3, o.shift);
        break;
      case 'sackPermitted': out.push(4, 2); break;
      case 'sack':
        if (o.blocks.length < 1 || o.blocks.length > 4) throw new Error('TCP: SACK needs 1 to 4 blocks');
        out.push(5, 2 + 8 * o.blocks.length);
        for (const [l, r] of o.blocks) { push32(u32(l, 'SACK edge')); push32(u32(r, 'SACK edge')); }
        break;
      case 'timestamps': out.push(8, 10); push32(u32(o.tsval, 'TSval')); push32(u32(o.tsecr, 'TSecr')); break;
      case 'unknown':
        if (o.data.length + 2 > 40) throw new Error('TCP: option too long');
        out.push(o.type, o.data.length + 2, ...o.data);
        break;
    }
  }
  while (out.length % 4 !== 0) out.push(0);
  if (out.length > 40) throw new Error(`TCP: options take ${out.length} bytes, the limit is 40`);
  return Uint8Array.from(out);
}

interface OptionSpan { option: TcpOption; offset: number; length: number }

/** Parses options; stops at EOL (the rest is padding). */
function parseOptions(bytes: Uint8Array, start: number, end: number): OptionSpan[] {
  const out: OptionSpan[] = [];
  const dv = view(bytes);
  let i = start;
  while (i < end) {
    const kind = bytes[i];
    if (kind === 0) { out.push({ option: { kind: 'eol' }, offset: i, length: 1 }); break; }
    if (kind === 1) { out.push({ option: { kind: 'nop' }, offset: i, length: 1 }); i++; continue; }
    if (i + 1 >= end) throw new Error('TCP: option length byte missing');
    const len = bytes[i + 1];
    if (len < 2 || i + len > end) throw new Error(`TCP: bad option length ${len} at ${i}`);
    let option: TcpOption;
    if (kind === 2 && len === 4) option = { kind: 'mss', value: dv.getUint16(i + 2) };
    else if (kind === 3 && len === 3) option = { kind: 'wscale', shift: bytes[i + 2] };
    else if (kind === 4 && len === 2) option = { kind: 'sackPermitted' };
    else if (kind === 5 && len >= 10 && (len - 2) % 8 === 0) {
      const blocks: [number, number][] = [];
      for (let j = i + 2; j < i + len; j += 8) blocks.push([dv.getUint32(j), dv.getUint32(j + 4)]);
      option = { kind: 'sack', blocks };
    } else if (kind === 8 && len === 10) option = { kind: 'timestamps', tsval: dv.getUint32(i + 2), tsecr: dv.getUint32(i + 6) };
    else option = { kind: 'unknown', type: kind, data: bytes.slice(i + 2, i + len) };
    out.push({ option, offset: i, length: len });
    i += len;
  }
  return out;
}

function tcpChecksum(segment: Uint8Array, ip: IpPair): number {
  return internetChecksum(concat(ipv4PseudoHeader(ip.src, ip.dst, IPPROTO_TCP, segment.length), segment));
}

export function encodeTcp(h: TcpHeader, payload: Uint8Array, ip: IpPair): Uint8Array {
  const options = encodeTcpOptions(h.options ?? []);
  const headerLength = 20 + options.length;
  const seg = new Uint8Array(headerLength + payload.length);
  const dv = view(seg);
  dv.setUint16(0, u16(h.srcPort, 'source port'));
  dv.setUint16(2, u16(h.dstPort, 'destination port'));
  dv.setUint32(4, u32(h.seq, 'sequence number'));
  dv.setUint32(8, u32(h.ack, 'acknowledgment number'));
  seg[12] = (headerLength / 4) << 4;
  let flags = 0;
  for (const [name, bit] of FLAG_BITS) if (h.flags[name]) flags |= bit;
  seg[13] = flags;
  dv.setUint16(14, u16(h.window, 'window'));
  dv.setUint16(18, u16(h.urgentPointer ?? 0, 'urgent pointer'));
  seg.set(options, 20);
  seg.set(payload, headerLength);
  dv.setUint16(16, h.checksum ?? tcpChecksum(seg, ip));
  return seg;
}

/** Decodes the segment in bytes[offset, end). Pass the IPv4 addresses to verify the checksum. */
export function decodeTcp(bytes: Uint8Array, offset = 0, ip?: IpPair, end = bytes.length): TcpDecoded {
  if (offset + 20 > end) throw new Error('TCP: fewer than 20 bytes');
  const dv = view(bytes);
  const dataOffset = bytes[offset + 12] >> 4;
  const headerLength = dataOffset * 4;
  if (dataOffset < 5) throw new Error(`TCP: data offset ${dataOffset} is below 5`);
  if (offset + headerLength > end) throw new Error('TCP: header runs past the end of the segment');
  const flagByte = bytes[offset + 13];
  const flags = {} as Required<TcpFlags>;
  for (const [name, bit] of FLAG_BITS) flags[name] = (flagByte & bit) !== 0;
  const decoded: TcpDecoded = {
    srcPort: dv.getUint16(offset),
    dstPort: dv.getUint16(offset + 2),
    seq: dv.getUint32(offset + 4),
    ack: dv.getUint32(offset + 8),
    dataOffset,
    flags,
    window: dv.getUint16(offset + 14),
    checksum: dv.getUint16(offset + 16),
    urgentPointer: dv.getUint16(offset + 18),
    options: parseOptions(bytes, offset + 20, offset + headerLength).map((s) => s.option),
    payload: bytes.subarray(offset + headerLength, end),
  };
  if (ip) decoded.checksumValid = tcpChecksum(bytes.subarray(offset, end), ip) === 0;
  return decoded;
}

function describeOption(s: OptionSpan): Field {
  const o = s.option;
  const f = (key: string, name: string, value: string | number, meaning: Text, children?: Field[]) =>
    field(key, name, value, s.offset, s.length, { meaning, children });
  switch (o.kind) {
    case 'eol': return f('tcp.option_kind', 'End of Option List (EOL)', 0, t('옵션 목록의 끝, 뒤는 0으로 채운 패딩', 'end of the options; zero padding follows'));
    case 'nop': return f('tcp.options.nop', 'No-Operation (NOP)', 1, t('아무 일도 하지 않는 1바이트: 다음 옵션의 자리를 맞추는 데 씀', 'a filler byte that aligns the next option'));
    case 'mss': return f('tcp.options.mss_val', 'Maximum segment size', `${o.value} bytes`, t('한 세그먼트에 받을 수 있는 최대 데이터 크기', 'largest segment payload this side will accept'));
    case 'wscale': return f('tcp.options.wscale.shift', 'Window scale', `${o.shift} (multiply by ${2 ** o.shift})`, t('윈도 필드에 2^(이 값)을 곱해서 읽으라는 뜻', 'the window field is multiplied by 2 to this power'));
    case 'sackPermitted': return f('tcp.options.sack_perm', 'SACK permitted', 'Set', t('선택적 확인응답(SACK)을 써도 된다는 표시', 'selective acknowledgments may be used'));
    case 'sack': {
      const kids: Field[] = [];
      o.blocks.forEach(([l, r], i) => {
        const at = s.offset + 2 + i * 8;
        kids.push(field('tcp.options.sack_le', 'left edge', l, at, 4, { meaning: t('받아 둔 블록의 시작', 'start of a block already received') }));
        kids.push(field('tcp.options.sack_re', 'right edge', r, at + 4, 4, { meaning: t('받아 둔 블록의 끝 (바로 다음 번호)', 'end of that block (the next number)') }));
      });
      return f('tcp.options.sack', 'SACK', `${o.blocks.length} block(s)`, t('구멍 너머에서 이미 받은 구간들', 'ranges received beyond a gap'), kids);
    }
    case 'timestamps':
      return f('tcp.options.timestamp', 'Timestamps', `TSval ${o.tsval}, TSecr ${o.tsecr}`, t('왕복 시간 측정과 오래된 세그먼트 구별에 쓰는 시각 값', 'clock values for RTT measurement and spotting old segments'), [
        field('tcp.options.timestamp.tsval', 'Timestamp value', o.tsval, s.offset + 2, 4),
        field('tcp.options.timestamp.tsecr', 'Timestamp echo reply', o.tsecr, s.offset + 6, 4),
      ]);
    case 'unknown': return f('tcp.option_kind', `Unknown option (kind ${o.type})`, o.type, t('이 도구가 모르는 옵션', 'an option this tool does not know'));
  }
}

export function describeTcp(bytes: Uint8Array, offset: number, ip?: IpPair, end = bytes.length): Layer {
  const h = decodeTcp(bytes, offset, ip, end);
  const o = offset;
  const headerLength = h.dataOffset * 4;
  const flagWord = view(bytes).getUint16(o + 12) & 0x0fff;
  const setNames = FLAG_BITS.filter(([n]) => h.flags[n]).map(([n]) => n.toUpperCase());
  const fields: Field[] = [
    field('tcp.srcport', 'Source Port', h.srcPort, o, 2, { meaning: t('보내는 쪽 프로그램의 포트 번호', 'port of the sending program') }),
    field('tcp.dstport', 'Destination Port', h.dstPort, o + 2, 2, { meaning: t('받는 쪽 프로그램의 포트 번호', 'port of the receiving program') }),
    field('tcp.seq_raw', 'Sequence Number (raw)', h.seq, o + 4, 4, {
      meaning: t('이 세그먼트 첫 바이트의 번호 (SYN도 번호 하나를 씀)', 'number of the first data byte here (a SYN uses one number too)'),
    }),
    field('tcp.ack_raw', 'Acknowledgment Number (raw)', h.ack, o + 8, 4, {
      meaning: t('다음에 받고 싶은 바이트 번호: 그 앞까지는 다 받았다는 뜻', 'next byte expected: everything before it has arrived'),
    }),
    field('tcp.hdr_len', 'Header Length', `${headerLength} bytes (${h.dataOffset})`, o + 12, 1, {
      mask: 0xf0,
      meaning: t('옵션을 포함한 헤더 길이, 4바이트 단위', 'header length including options, in 4-byte words'),
    }),
    field('tcp.flags', 'Flags', `${hex16(flagWord).replace('0x0', '0x')} (${setNames.join(', ') || 'none'})`, o + 12, 2, {
      mask: 0x0fff,
      children: FLAG_BITS.map(([n, bit, key, label, meaning]) =>
        field(key, label, setOrNot(h.flags[n]), o + 12, 2, { mask: bit, meaning })),
    }),
    field('tcp.window_size_value', 'Window', h.window, o + 14, 2, {
      meaning: t('지금 더 받을 수 있는 바이트 수 (윈도 스케일 적용 전)', 'bytes the sender can still receive (before window scaling)'),
    }),
    field('tcp.checksum', 'Checksum', `${hex16(h.checksum)}${h.checksumValid === undefined ? '' : h.checksumValid ? ' [correct]' : ' [incorrect]'}`, o + 16, 2, {
      meaning: t('가상 헤더(IP 주소 등)와 세그먼트 전체로 계산한 검사값', 'check value over a pseudo-header (IP addresses etc.) and the whole segment'),
    }),
    field('tcp.urgent_pointer', 'Urgent Pointer', h.urgentPointer, o + 18, 2, { meaning: t('URG가 켜졌을 때만 의미가 있음', 'meaningful only when URG is set') }),
  ];
  if (headerLength > 20) {
    fields.push(field('tcp.options', 'Options', `${headerLength - 20} bytes`, o + 20, headerLength - 20, {
      children: parseOptions(bytes, o + 20, o + headerLength).map(describeOption),
    }));
  }
  return {
    key: 'tcp',
    title: `Transmission Control Protocol, Src Port: ${h.srcPort}, Dst Port: ${h.dstPort}, Seq: ${h.seq}, Ack: ${h.ack}, Len: ${h.payload.length}`,
    offset,
    length: headerLength,
    fields,
  };
}

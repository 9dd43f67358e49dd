/** Classic libpcap files (the .pcap format Wireshark opens), microsecond timestamps. */
import { concat, view } from './bytes';

export const LINKTYPE_ETHERNET = 1;
export const PCAP_MAGIC = 0xa1b2c3d4;

export interface PcapRecord {
  /** Logical time in milliseconds since the capture epoch (fractions allowed, µs precision). */
  tMs: number;
  bytes: Uint8Array;
}

export interface PcapFile {
  versionMajor: number;
  versionMinor: number;
  snaplen: number;
  linktype: number;
  records: (PcapRecord & { origLen: number })[];
}

/** Writes a little-endian pcap: 24-byte global header, then a 16-byte header per packet. */
export function writePcap(records: readonly PcapRecord[], opts: { snaplen?: number; linktype?: number } = {}): Uint8Array {
  const snaplen = opts.snaplen ?? 65535;
  const g = new Uint8Array(24);
  const gv = view(g);
  gv.setUint32(0, PCAP_MAGIC, true);
  gv.setUint16(4, 2, true);
  gv.setUint16(6, 4, true);
  gv.setInt32(8, 0, true); // thiszone
  gv.setUint32(12, 0, true); // sigfigs
  gv.setUint32(16, snaplen, true);
  gv.setUint32(20, opts.linktype ?? LINKTYPE_ETHERNET, true);
  const parts: Uint8Array[] = [g];
  for (const r of records) {
    if (!(r.tMs >= 0) || !Number.isFinite(r.tMs)) throw new Error(`pcap: bad timestamp ${r.tMs}`);
    const totalUs = Math.round(r.tMs * 1000);
    const sec = Math.floor(totalUs / 1e6);
    const usec = totalUs - sec * 1e6;
    const captured = r.bytes.subarray(0, snaplen);
    const h = new Uint8Array(16);
    const hv = view(h);
    hv.setUint32(0, sec, true);
    hv.setUint32(4, usec, true);
    hv.setUint32(8, captured.length, true);
    hv.setUint32(12, r.bytes.length, true);
    parts.push(h, captured);
  }
  return concat(...parts);
}

/** Reads a classic pcap in either byte order (microsecond magic only). */
export function readPcap(file: Uint8Array): PcapFile {
  if (file.length < 24) throw new Error('pcap: shorter than the global header');
  const dv = view(file);
  const magicLE = dv.getUint32(0, true);
  let le: boolean;
  if (magicLE === PCAP_MAGIC) le = true;
  else if (dv.getUint32(0, false) === PCAP_MAGIC) le = false;
  else throw new Error(`pcap: unknown magic 0x${magicLE.toString(16)}`);
  const out: PcapFile = {
    versionMajor: dv.getUint16(4, le),
    versionMinor: dv.getUint16(6, le),
    snaplen: dv.getUint32(16, le),
    linktype: dv.getUint32(20, le),
    records: [],
  };
  let p = 24;
  while (p < file.length) {
    if (p + 16 > file.length) throw new Error('pcap: truncated record header');
    const sec = dv.getUint32(p, le), usec = dv.getUint32(p + 4, le);
    const inclLen = dv.getUint32(p + 8, le), origLen = dv.getUint32(p + 12, le);
    if (p + 16 + inclLen > file.length) throw new Error('pcap: truncated packet data');
    out.records.push({ tMs: sec * 1000 + usec / 1000, bytes: file.slice(p + 16, p + 16 + inclLen), origLen });
    p += 16 + inclLen;
  }
  return out;
}

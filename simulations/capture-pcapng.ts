/**
 * A run's packets as a pcapng file: the same frames and times as the classic
 * pcap export (capture.ts), plus what pcap cannot say: the interface's name,
 * the label the diagram shows as each packet's comment, and the run's TLS key
 * log in a Decryption Secrets Block so Wireshark decrypts it with no key file.
 */
import { capture, type CapturedPacket } from './capture';
import type { Timeline } from './core/timeline';
import { writePcapng } from './wire/pcapng';

export interface PcapngExportOptions {
  /** if_name of the one interface; default 'sim0'. */
  interfaceName?: string;
  /** if_description; default none. */
  interfaceDescription?: string;
  /** NSS key log text for the run's TLS sessions. */
  tlsKeyLog?: string;
  /** Write each packet's label as its comment; default true. */
  comments?: boolean;
}

export const DEFAULT_INTERFACE_NAME = 'sim0';

/** Captured packets as pcapng: one interface, every packet on it, in the order given. */
export function capturedPcapng(packets: readonly CapturedPacket[], opts: PcapngExportOptions = {}): Uint8Array {
  const comments = opts.comments ?? true;
  return writePcapng({
    interfaces: [{ name: opts.interfaceName ?? DEFAULT_INTERFACE_NAME, description: opts.interfaceDescription }],
    packets: packets.map((p) => ({ iface: 0, tMs: p.tMs, bytes: p.dissection.bytes, comment: comments && p.label ? p.label : undefined })),
    tlsKeyLog: opts.tlsKeyLog,
    userAppl: 'Packet Theater',
  });
}

/** The run as pcapng (LINKTYPE_ETHERNET, µs timestamps from logical time); timelinePcap is the classic-pcap twin. */
export function timelinePcapng(timeline: Timeline, opts: PcapngExportOptions = {}): Uint8Array {
  return capturedPcapng(capture(timeline), opts);
}

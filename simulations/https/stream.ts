/**
 * A byte stream over the RFC 9293 machine, shared by every topic that carries binary
 * payloads (TLS records, HTTP/2 frames) on TCP: the machine sees a same-length ASCII
 * stand-in (it counts bytes), the real bytes travel beside each segment, and what TCP
 * delivers in order is rebuilt from the bytes that actually arrived.
 */
import { concat } from '../wire/bytes';

/** The stand-in the machine carries: one ASCII character per byte. */
export function standIn(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += b[i] < 0x80 ? String.fromCharCode(b[i]) : '.';
  return s;
}

/** `received` extended by the `n` bytes TCP just delivered in order, taken from the pieces that arrived. */
export function deliverArrived(received: Uint8Array, pieces: readonly { off: number; bytes: Uint8Array }[], n: number, who: string): Uint8Array {
  const at = received.length;
  const piece = pieces.find((p) => p.off <= at && p.off + p.bytes.length >= at + n);
  if (!piece) throw new Error(`${who}: no arrived bytes for offset ${at}`);
  return concat(received, piece.bytes.slice(at - piece.off, at - piece.off + n));
}

/** The peer's units (those not from `side`) complete within `length` bytes and not yet in `got`, in order. */
export function completedUnits(units: readonly { from: string; bytes: Uint8Array }[], side: string, length: number, got: readonly number[]): number[] {
  const out: number[] = [];
  let end = 0;
  for (let i = 0; i < units.length; i++) {
    if (units[i].from === side) continue;
    end += units[i].bytes.length;
    if (end <= length && !got.includes(i)) out.push(i);
  }
  return out;
}

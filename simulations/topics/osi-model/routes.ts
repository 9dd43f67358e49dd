/** Routes and prefixes: IPv4 addresses as 32-bit numbers, prefixes as (address, length). */
import { ipv4ToBytes } from '../../wire/bytes';

export interface Route {
  prefix: string;
  len: number;
  /** Index of the router's outgoing interface. */
  iface: number;
  /** The next router, or absent for a network the interface is on (the destination itself is the next hop). */
  via?: string;
}

export function ipToNumber(ip: string): number {
  const b = ipv4ToBytes(ip);
  return ((b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]) >>> 0;
}

export function ipInPrefix(ip: string, prefix: string, len: number): boolean {
  if (len === 0) return true;
  const mask = len === 32 ? 0xffffffff : (~0 << (32 - len)) >>> 0;
  return ((ipToNumber(ip) & mask) >>> 0) === ((ipToNumber(prefix) & mask) >>> 0);
}

export const routeText = (r: Route): string => `${r.prefix}/${r.len}`;

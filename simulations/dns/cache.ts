/**
 * A resolver's cache: RRsets keyed by (name, type), each with the moment it expires.
 *
 * - TTLs are seconds on the wire and milliseconds on the time axis: an RRset learned at t
 *   with TTL s expires at t + 1000·s, and is served with its remaining TTL, rounded down,
 *   so whoever caches it next never keeps it longer than the source allowed (RFC 1035 §3.2.1).
 * - An RRset's TTL is the smallest of its records' (RFC 2181 §5.2).
 * - Data is ranked (RFC 2181 §5.4.1): an authoritative answer replaces glue or referral
 *   data, never the other way round, unless the old one has expired.
 * - Negative answers are cached too (RFC 2308 §5): NXDOMAIN for the name (any type),
 *   NODATA for the (name, type), for min(SOA TTL, SOA MINIMUM).
 * - Root hints are configured, not learned: they never expire.
 */
import { dnsTypeCode, type DnsRecord } from '../wire/dns';
import type { SoaRecord } from './zones';

/** Expiry of configured data (root hints): never. */
export const FOREVER = Number.MAX_SAFE_INTEGER;

/** Type code standing for "every type": a cached NXDOMAIN. */
export const NX_TYPE = 0;

export type Rank = 'hint' | 'glue' | 'referral' | 'answer';
const RANK: Record<Rank, number> = { hint: 0, glue: 1, referral: 2, answer: 3 };

export interface CacheEntry {
  name: string;
  /** Type code; NX_TYPE for a cached NXDOMAIN. */
  type: number;
  /** Positive data (empty for a negative entry), TTLs as received. */
  records: DnsRecord[];
  negative?: 'nxdomain' | 'nodata';
  /** The SOA that came with a negative answer. */
  soa?: SoaRecord;
  /** TTL in seconds when stored. */
  ttl: number;
  storedAt: number;
  /** ms on the time axis; FOREVER for hints. */
  expiresAt: number;
  rank: Rank;
}

export type Cache = readonly CacheEntry[];

export const typeCode = (r: DnsRecord): number => dnsTypeCode(r.type as never);

/** Is this entry still usable at `now`? */
export const fresh = (e: CacheEntry, now: number): boolean => now < e.expiresAt;

/** Seconds left, rounded down (what goes in the TTL field when the entry is served). */
export const ttlLeft = (e: CacheEntry, now: number): number =>
  e.expiresAt === FOREVER ? e.ttl : Math.max(0, Math.floor((e.expiresAt - now) / 1000));

export function get(cache: Cache, name: string, type: number, now: number): CacheEntry | undefined {
  return cache.find((e) => e.name === name && e.type === type && fresh(e, now));
}

/** A cached NXDOMAIN for the name, if any. */
export const getNx = (cache: Cache, name: string, now: number) => get(cache, name, NX_TYPE, now);

/** Stores one entry, dropping expired ones; keeps a better-ranked live entry (RFC 2181 §5.4.1). */
export function put(cache: Cache, entry: CacheEntry, now: number): Cache {
  const live = cache.filter((e) => fresh(e, now));
  const old = live.find((e) => e.name === entry.name && e.type === entry.type);
  if (old && RANK[old.rank] > RANK[entry.rank]) return live;
  return [...live.filter((e) => e !== old), entry];
}

/** Stores records as RRsets (grouped by name and type, TTL = the smallest, RFC 2181 §5.2). */
export function putRecords(cache: Cache, records: readonly DnsRecord[], rank: Rank, now: number): Cache {
  const groups = new Map<string, DnsRecord[]>();
  for (const r of records) {
    const k = `${r.name}\u0000${typeCode(r)}`;
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  let c = cache;
  for (const rs of groups.values()) {
    const ttl = Math.min(...rs.map((r) => r.ttl));
    c = put(c, { name: rs[0].name, type: typeCode(rs[0]), records: rs, ttl, storedAt: now, expiresAt: now + ttl * 1000, rank }, now);
  }
  return c;
}

/** Stores a negative answer for min(SOA TTL, MINIMUM) seconds (RFC 2308 §5). */
export function putNegative(cache: Cache, name: string, type: number, kind: 'nxdomain' | 'nodata', soa: SoaRecord, now: number): Cache {
  const ttl = Math.min(soa.ttl, soa.minimum);
  return put(cache, { name, type: kind === 'nxdomain' ? NX_TYPE : type, records: [], negative: kind, soa, ttl, storedAt: now, expiresAt: now + ttl * 1000, rank: 'answer' }, now);
}

/** The entry's records with their remaining TTL (what a resolver hands on). */
export function served(e: CacheEntry, now: number): DnsRecord[] {
  const ttl = ttlLeft(e, now);
  return e.records.map((r) => ({ ...r, ttl }));
}

/** The entry's SOA with its remaining TTL. */
export function servedSoa(e: CacheEntry, now: number): SoaRecord {
  return { ...e.soa!, ttl: ttlLeft(e, now) };
}

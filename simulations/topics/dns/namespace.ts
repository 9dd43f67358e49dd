/**
 * The namespace the dns topic draws, read from the simulated DNS's own zones
 * (`simulations/dns/zones.ts`, the data dns-resolution's servers answer from): the root,
 * four TLDs and a few zones under them, with their records in zone-file form. Names are
 * lower-case ASCII without the trailing dot ('' is the root). Every zone has an SOA and NS
 * records at its apex (RFC 1034 §4.2.1); a parent holds the NS records of each child zone at
 * the cut, plus glue addresses (RFC 1034 §4.2.1, RFC 1035 §6.1). `www.naver.com` is a CNAME
 * into `nheos.com`, as Naver's real one points into its CDN's zone.
 */
import { zoneFileData } from '../../dns/message';
import { ZONES } from '../../dns/zones';
import type { DnsRecord } from '../../wire/dns';
import type { DnsRecordType } from '../../figures/dns-tree';

export interface NsRecord {
  owner: string;
  type: DnsRecordType;
  ttl: number;
  data: string;
}

/** Zone apexes, parents before children. */
export const ZONE_APEXES: readonly string[] = Object.keys(ZONES).sort((a, b) => (a === '' ? -1 : b === '' ? 1 : a.split('.').length - b.split('.').length));

/** Names in the base tree (besides the root), in drawing order; ancestors are implied. */
export const BASE_NAMES: readonly string[] = [
  'www.naver.com',
  'www.example.com',
  'www.naver.com.nheos.com',
  'www.xn--3e0b707e.kr',
  'net',
  'example.org',
];

/** One record as the tables show it; types with opaque data are left out. */
const asLine = (r: DnsRecord): NsRecord[] => (typeof r.type === 'string' ? [{ owner: r.name, type: r.type, ttl: r.ttl, data: zoneFileData(r) }] : []);

/** Records by zone apex. */
export const ZONE_RECORDS: Readonly<Record<string, readonly NsRecord[]>> = nullProto(Object.fromEntries(
  Object.entries(ZONES).map(([apex, zone]) => [apex, zone.records.flatMap(asLine)]),
));

/** A copy with no prototype: looked up by names a user types ("__proto__" is just a name). */
function nullProto<T>(o: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null), o);
}

/** The canonical name a name is an alias of, from the base zones' CNAME records. */
export function cnameOf(name: string): string | null {
  for (const recs of Object.values(ZONE_RECORDS)) {
    const hit = recs.find((x) => x.type === 'CNAME' && x.owner === name);
    if (hit) return hit.data.replace(/\.$/, '');
  }
  return null;
}

/** Zone-file form: `www.naver.com. 21600 IN CNAME www.naver.com.nheos.com.` */
export const zoneLine = (x: NsRecord): string => `${x.owner === '' ? '.' : x.owner + '.'} ${x.ttl} IN ${x.type} ${x.data}`;

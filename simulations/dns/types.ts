/** What the DNS actors exchange with the kernel: posts, notes for the story. */
import type { DnsRecord } from '../wire/dns';
import type { SoaRecord } from './zones';

/** The app asks the stub for a name (getaddrinfo()). */
export interface LookupPost {
  kind: 'lookup';
  n: number;
}

/** Something the story needs to tell, said by the actor that did it. */
export type DnsNote =
  | { kind: 'lookup'; n: number; name: string; qtype: string }
  /** The hosts file had the name: no DNS at all. */
  | { kind: 'hosts'; name: string; addresses: string[] }
  /** Answered from this actor's own cache, nothing sent. */
  | { kind: 'cache-hit'; name: string; qtype: string; negative?: 'nxdomain' | 'nodata' }
  /** A CNAME was found (in an answer or the cache): the lookup restarts at its target (RFC 1034 §3.6.2). */
  | { kind: 'cname'; from: string; to: string; cached: boolean }
  /** Where the iteration starts or goes on: the closest zone cut whose servers are known. */
  | { kind: 'ask'; zone: string; server: string; ip: string; fromCache: boolean; retry: boolean }
  /** What a response put in the cache. */
  | { kind: 'cached'; entries: { name: string; type: string; ttl: number; negative?: string }[] }
  /** A stub's repeated query for a lookup already in progress: joined, not restarted. */
  | { kind: 'joined'; name: string }
  /** A response that matches no outstanding query (ID, port, address, question: RFC 5452 §9.1). */
  | { kind: 'rejected'; why: string }
  | { kind: 'timeout'; server: string; timeouts: number }
  | { kind: 'servfail'; name: string; why: 'timeouts' | 'lame' | 'loop' }
  /** The answer sent back to the one who asked (a stub or the local app). */
  | { kind: 'reply'; name: string; rcode: number; answers: DnsRecord[]; soa?: SoaRecord }
  | { kind: 'stub-retry'; attempt: number }
  /** The lookup is over for the app: addresses, a negative answer, or a failure. */
  | { kind: 'done'; n: number; rcode: number; answers: DnsRecord[]; via: 'hosts' | 'cache' | 'network'; failure?: 'servfail' | 'timeout' };

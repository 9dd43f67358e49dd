/**
 * The DNS namespace topic's two figures, one chunk: the topic draws both from its first
 * step, and no other topic draws either.
 */
export { default as DnsTree } from './DnsTree';
export { default as RecordTable } from './RecordTable';

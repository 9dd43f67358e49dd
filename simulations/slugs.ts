/** The 23 slugs of the study sheet, in its order (fixed by TOPICS.md): links, tests and URLs agree on them. */
export const SLUGS = [
  'dns',
  'dns-resolution',
  'osi-model',
  'transport-layer',
  'tcp-ip-model',
  'tcp-connection',
  'time-wait',
  'what-happens-url',
  'http-https',
  'http-idempotency',
  'http1-vs-http11',
  'http2',
  'tcp-flow-error-control',
  'ports-sockets',
  'cookies-sessions',
  'jwt',
  'oauth',
  'uri-url-urn',
  'rest-api',
  'cors',
  'mitm',
  'websocket',
  'load-balancing',
] as const;

export type Slug = (typeof SLUGS)[number];

export const isSlug = (s: string): s is Slug => (SLUGS as readonly string[]).includes(s);

/**
 * Which topics have a scenario, and how to load it: the one line a new topic adds
 * besides its folder and its pages. Kept apart from the registry's titles so that
 * the player ships only these loaders to the browser.
 */
import type { Scenario } from './core/timeline';
import type { Slug } from './slugs';

type Loader = () => Promise<{ default: Scenario }>;

export const SCENARIOS: Readonly<Partial<Record<Slug, Loader>>> = {
  'transport-layer': () => import('./topics/transport-layer'),
  'tcp-connection': () => import('./topics/tcp-connection'),
  'time-wait': () => import('./topics/time-wait'),
  'tcp-flow-error-control': () => import('./topics/tcp-flow-error-control'),
  'ports-sockets': () => import('./topics/ports-sockets'),
  'osi-model': () => import('./topics/osi-model'),
  'tcp-ip-model': () => import('./topics/tcp-ip-model'),
  'dns-resolution': () => import('./topics/dns-resolution'),
  'http-https': () => import('./topics/http-https'),
  'http1-vs-http11': () => import('./topics/http1-vs-http11'),
  'http-idempotency': () => import('./topics/http-idempotency'),
  dns: () => import('./topics/dns'),
  'uri-url-urn': () => import('./topics/uri-url-urn'),
  http2: () => import('./topics/http2'),
  'rest-api': () => import('./topics/rest-api'),
  'what-happens-url': () => import('./topics/what-happens-url'),
  cors: () => import('./topics/cors'),
  websocket: () => import('./topics/websocket'),
  jwt: () => import('./topics/jwt'),
};

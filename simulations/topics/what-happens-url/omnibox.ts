/**
 * The address bar's first decision: is the input an address or a search? An input with no
 * spaces that is a valid dotted host name (or already has a scheme) is an address; anything
 * else goes to the search engine. An address without a scheme gets one: https when the host
 * is on the HSTS list (RFC 6797 §8.3), http otherwise; then the WHATWG URL parser
 * (`names/parseUri`) splits it into its components.
 */
import { checkHostname } from '../../names/hostname';
import { parseUri } from '../../names/uri';

export type Omnibox =
  | { kind: 'url'; href: string; scheme: string; host: string; port: number; path: string }
  | { kind: 'search'; href: string };

const DEFAULT_PORT: Record<string, number> = { http: 80, https: 443 };

export function omnibox(input: string, hstsHosts: readonly string[]): Omnibox {
  const text = input.trim();
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
  const host = hasScheme ? '' : text.split('/')[0].replace(/:\d+$/, '');
  const looksLikeHost = !/\s/.test(text) && (hasScheme || (host.includes('.') && checkHostname(host).ok));
  if (!looksLikeHost) return { kind: 'search', href: `https://search.naver.com/search.naver?query=${encodeURIComponent(text)}` };
  const withScheme = hasScheme ? text : `${hstsHosts.includes(host.toLowerCase()) ? 'https' : 'http'}://${text}`;
  const u = parseUri(withScheme);
  if (!u.ok) return { kind: 'search', href: `https://search.naver.com/search.naver?query=${encodeURIComponent(text)}` };
  const c = u.components;
  // RFC 6797 §8.3: a URL for a known HSTS host is rewritten to https before anything is sent.
  const scheme = hstsHosts.includes(c.hostname) ? 'https' : u.scheme;
  const href = scheme === u.scheme ? u.href : u.href.replace(/^http:/, 'https:');
  return { kind: 'url', href, scheme, host: c.hostname, port: c.port ? Number(c.port) : DEFAULT_PORT[scheme] ?? 0, path: c.pathname };
}

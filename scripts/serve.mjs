#!/usr/bin/env node
// Serves the static export (out/) the way a static host would: clean URLs
// (/ko/tcp-connection -> ko/tcp-connection.html), a trailing slash redirected (308) to the
// path without it, 404.html with status 404, text gzipped when the client accepts it.
// Usage: node scripts/serve.mjs [dir=out] [port=3000]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const root = path.resolve(process.argv[2] ?? 'out');
const port = Number(process.argv[3] ?? process.env.PORT ?? 3000);
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.woff2': 'font/woff2',
  '.pcap': 'application/vnd.tcpdump.pcap',
};

const COMPRESSIBLE = /^(text\/|application\/(json|xml)|image\/svg)/;
const gzCache = new Map();
/** A file's gzip encoding, made once per file and modification time. */
async function gzipped(file, body) {
  const { mtimeMs } = await stat(file);
  const hit = gzCache.get(file);
  if (hit && hit.mtimeMs === mtimeMs) return hit.gz;
  const gz = gzipSync(body, { level: 6 });
  gzCache.set(file, { mtimeMs, gz });
  return gz;
}

async function isFile(p) {
  try {
    return (await stat(p)).isFile();
  } catch {
    return false;
  }
}

/** The path and the query (with its "?", or empty). */
function splitUrl(url) {
  const i = url.indexOf('?');
  return i < 0 ? [url, ''] : [url.slice(0, i), url.slice(i)];
}

async function resolve(urlPath) {
  let rel = decodeURIComponent(urlPath.split('?')[0]);
  const file = path.join(root, rel);
  if (!file.startsWith(root)) return null;
  if (rel.endsWith('/')) rel += 'index';
  for (const candidate of [file, path.join(root, `${rel}.html`), path.join(root, rel, 'index.html')]) {
    if (await isFile(candidate)) return candidate;
  }
  return null;
}

const server = createServer(async (req, res) => {
  try {
    // One URL per page: a trailing slash redirects (308, method kept) to the path without it.
    const [pathname, query] = splitUrl(req.url ?? '/');
    if (pathname.length > 1 && pathname.endsWith('/')) {
      const canonical = pathname.replace(/\/+$/, '') || '/';
      res.writeHead(308, { location: `${canonical}${query}`, 'cache-control': 'no-cache' });
      res.end();
      return;
    }
    const found = await resolve(req.url ?? '/');
    const file = found ?? path.join(root, '404.html');
    let body = await readFile(file);
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    const immutable = file.includes(`${path.sep}_next${path.sep}static${path.sep}`);
    const headers = {
      'content-type': type,
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      vary: 'accept-encoding',
    };
    // Text goes out gzipped to a client that takes it, as any static host serves it.
    if (COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      body = await gzipped(file, body);
      headers['content-encoding'] = 'gzip';
    }
    res.writeHead(found ? 200 : 404, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch (err) {
    res.writeHead(500, { 'content-type': 'text/plain' });
    res.end(String(err));
  }
});

server.listen(port, '127.0.0.1', () => {
  console.log(`Packet Theater: serving ${path.relative(process.cwd(), root) || '.'} at http://localhost:${port}`);
});

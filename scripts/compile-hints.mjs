#!/usr/bin/env node
// Compile hints for the exported site's JavaScript (run after `next build`).
//
// V8 compiles a function the first time it is called, on the main thread. A page of this site
// calls most of its JavaScript while it loads: the framework's chunks boot and hydrate, the
// player's chunk draws the first step, a figure's chunk draws its figure, an engine's chunk runs
// as soon as it arrives. Chromium (136 and later) reads the magic comment
// `//# allFunctionsCalledOnLoad` on a script's first line as a hint to compile all its functions
// eagerly, on the background thread that streams the script in, instead of one by one on the main
// thread. Browsers that do not know the comment ignore it.
//
// Every chunk under out/_next/static/chunks/ gets the comment. Its source map, where there is one,
// gets an empty first line so its mappings still point at the right lines.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const HINT = '//# allFunctionsCalledOnLoad';

/** The chunk with the hint on its first line, and its source map moved down one line to match. */
export function hint(js, map) {
  if (js.startsWith(HINT + '\n')) return { js, map, changed: false };
  const out = { js: `${HINT}\n${js}`, map, changed: true };
  if (map !== undefined) {
    const m = JSON.parse(map);
    // A chunk's map is either plain (mappings) or indexed (sections with offsets).
    if (typeof m.mappings === 'string') m.mappings = ';' + m.mappings;
    if (Array.isArray(m.sections)) for (const s of m.sections) s.offset = { ...s.offset, line: s.offset.line + 1 };
    out.map = JSON.stringify(m);
  }
  return out;
}

/** Adds the hint to every chunk in `dir`; returns how many it changed and how many there are. */
export function hintDir(dir) {
  let changed = 0;
  let total = 0;
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.js')) continue;
    total++;
    const file = path.join(dir, name);
    const js = readFileSync(file, 'utf8');
    const ref = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(js)?.[1];
    const mapFile = ref && !ref.startsWith('data:') ? path.join(dir, ref) : undefined;
    const map = mapFile && existsSync(mapFile) ? readFileSync(mapFile, 'utf8') : undefined;
    const r = hint(js, map);
    if (!r.changed) continue;
    writeFileSync(file, r.js);
    if (mapFile && r.map !== undefined) writeFileSync(mapFile, r.map);
    changed++;
  }
  return { changed, total };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const dir = process.argv[2] ?? 'out/_next/static/chunks';
  if (!existsSync(dir)) {
    console.error(`compile-hints: ${dir} does not exist (run next build first)`);
    process.exit(1);
  }
  const { changed, total } = hintDir(dir);
  console.log(`compile-hints: ${changed} of ${total} chunks hinted in ${dir}`);
}

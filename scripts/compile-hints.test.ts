/**
 * Compile hints: every chunk gets V8's `allFunctionsCalledOnLoad` comment on its first line, once,
 * and its source map still maps each generated position to the same original position.
 */
import { describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SourceMapConsumer, SourceMapGenerator } from 'source-map-js';
// @ts-expect-error: plain ES module without types
import { HINT, hint, hintDir } from './compile-hints.mjs';

/** A two-line chunk and its map: `b` on line 2 comes from line 7 of src/a.ts. */
function chunk() {
  const js = 'var a=1;\nvar b=2;\n//# sourceMappingURL=c.js.map';
  const g = new SourceMapGenerator({ file: 'c.js' });
  g.addMapping({ generated: { line: 1, column: 4 }, original: { line: 3, column: 6 }, source: 'src/a.ts', name: 'a' });
  g.addMapping({ generated: { line: 2, column: 4 }, original: { line: 7, column: 6 }, source: 'src/a.ts', name: 'b' });
  return { js, map: g.toString() };
}

describe('hint', () => {
  test('puts the comment alone on the first line and keeps the code after it', () => {
    const { js } = chunk();
    const r = hint(js);
    expect(r.changed).toBe(true);
    expect(r.js.split('\n')[0]).toBe(HINT);
    expect(r.js.slice(HINT.length + 1)).toBe(js);
  });

  test('is applied once: a hinted chunk comes back unchanged', () => {
    const once = hint(chunk().js, chunk().map);
    const twice = hint(once.js, once.map);
    expect(twice.changed).toBe(false);
    expect(twice.js).toBe(once.js);
    expect(twice.map).toBe(once.map);
  });

  test('moves the source map down one line, so each name still maps to its original line', () => {
    const { js, map } = chunk();
    const r = hint(js, map);
    const c = new SourceMapConsumer(JSON.parse(r.map));
    const lines: string[] = r.js.split('\n');
    for (const [name, line] of [['a', 3], ['b', 7]] as const) {
      const genLine = lines.findIndex((l) => l.includes(`var ${name}=`)) + 1;
      const o = c.originalPositionFor({ line: genLine, column: 4 });
      expect(o).toMatchObject({ source: 'src/a.ts', line, name });
    }
  });

  test('moves an indexed map\'s sections down one line', () => {
    const indexed = JSON.stringify({ version: 3, sections: [{ offset: { line: 0, column: 0 }, map: JSON.parse(chunk().map) }, { offset: { line: 1, column: 0 }, map: JSON.parse(chunk().map) }] });
    const r = hint(chunk().js, indexed);
    expect(JSON.parse(r.map).sections.map((s: { offset: { line: number } }) => s.offset.line)).toEqual([1, 2]);
  });
});

describe('hintDir', () => {
  test('hints every .js chunk with its map, leaves other files alone, and a second run changes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hints-'));
    try {
      const { js, map } = chunk();
      writeFileSync(join(dir, 'c.js'), js);
      writeFileSync(join(dir, 'c.js.map'), map);
      writeFileSync(join(dir, 'd.js'), 'var d=4;');
      writeFileSync(join(dir, 'e.css'), 'a{}');
      expect(hintDir(dir)).toEqual({ changed: 2, total: 2 });
      expect(readFileSync(join(dir, 'c.js'), 'utf8').startsWith(HINT + '\n')).toBe(true);
      expect(readFileSync(join(dir, 'd.js'), 'utf8')).toBe(`${HINT}\nvar d=4;`);
      expect(readFileSync(join(dir, 'e.css'), 'utf8')).toBe('a{}');
      expect(JSON.parse(readFileSync(join(dir, 'c.js.map'), 'utf8')).mappings.startsWith(';')).toBe(true);
      expect(hintDir(dir)).toEqual({ changed: 0, total: 2 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

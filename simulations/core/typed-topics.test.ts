/**
 * Every topic declares its params once (`defineScenario`, `param`) and reads them typed by
 * name: a cast of a param in a topic's index.ts means the spec and the code can drift apart.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const TOPICS = join(__dirname, '..', 'topics');

/**
 * Topics whose index.ts still casts params, until their authors convert them to
 * `defineScenario` (remove the line when you do: the last test fails while it stays).
 */
const ALLOWED = new Set([
  // `p.type as ContentType`: the content-type enum is not yet a literal `param(...)`.
  'rest-api',
]);

/** A param read then cast: `p.x as T`, `p['x'] as T`, `params.x as T`, or coerced: `Number(p.x)`. */
const CAST = [
  /\b(?:p|params|values|input)(?:\.[A-Za-z_$][\w$]*|\[\s*(['"`])[^'"`]+\1\s*\])\s+as\s+[^,;)}\s]/,
  /\b(?:String|Number|Boolean)\(\s*(?:p|params|values|input)(?:\.[A-Za-z_$][\w$]*|\[\s*(['"`])[^'"`]+\1\s*\])\s*\)/,
];

/** `file:line: text` of every cast in one source. */
function castsIn(file: string, source: string): string[] {
  const out: string[] = [];
  source.split('\n').forEach((line, i) => {
    const code = line.replace(/\/\/.*$/, '');
    if (CAST.some((re) => re.test(code))) out.push(`${file}:${i + 1}: ${line.trim()}`);
  });
  return out;
}

const topics = readdirSync(TOPICS, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(TOPICS, d.name, 'index.ts')))
  .map((d) => d.name)
  .sort();
const castsOf = (t: string) => castsIn(`simulations/topics/${t}/index.ts`, readFileSync(join(TOPICS, t, 'index.ts'), 'utf8'));

describe('typed topics', () => {
  test('the detector finds each kind of cast and nothing else', () => {
    const src = [
      'const a = p.closer as HostId;',
      "const b = p['no-time-wait'] as boolean;",
      'run(params.window as number);',
      'const c = Number(p.loss) / 100;',
      'const ok = p.closer; // p.x as T in a comment',
      "const d = QTYPES[p.qtype]; const e = x as const; const f = { ...p } as Params;",
    ].join('\n');
    expect(castsIn('f.ts', src)).toEqual([
      'f.ts:1: const a = p.closer as HostId;',
      "f.ts:2: const b = p['no-time-wait'] as boolean;",
      'f.ts:3: run(params.window as number);',
      'f.ts:4: const c = Number(p.loss) / 100;',
    ]);
  });

  test.each(topics.filter((t) => !ALLOWED.has(t)))('%s reads its params without casts', (t) => {
    expect(castsOf(t), 'cast params (declare them with param() and defineScenario instead)').toEqual([]);
  });

  test('the allow-list names only topics that exist and still cast', () => {
    const stale = [...ALLOWED].filter((t) => !topics.includes(t) || castsOf(t).length === 0);
    expect(stale, 'remove these from ALLOWED in simulations/core/typed-topics.test.ts').toEqual([]);
  });
});

import { expect, it } from 'vitest';
import { josa, qj } from './ko';

it.each([
  ['한국', '을', '한국을'],
  ['포트', '을', '포트를'],
  ['example.com', '을', 'example.com을'],
  ['HTTP', '을', 'HTTP를'],
  ['99999', '은', '99999는'],
  ['80', '은', '80은'],
  ['8080', '으로', '8080으로'],
  ['1', '으로', '1로'],
  ['ftp.is.co.za', '이', 'ftp.is.co.za가'],
  ['서울', '으로', '서울로'],
] as const)('%s + %s → %s', (word, particle, expected) => {
  expect(josa(word, particle)).toBe(expected);
});

it('quotes before the particle', () => {
  expect(qj('EXAMPLE.com', '을')).toBe('"EXAMPLE.com"을');
});

import { describe, expect, it } from 'vitest';
import { checkUri, pathToCheck, URI_RULES, type UriRule } from './uri-check';

const rules = (p: string) => checkUri(p).findings.map((f) => f.rule).sort();

describe('URI convention checker', () => {
  const good = ['/boards', '/boards/13', '/boards/13/comments', '/boards/13/comments/2', '/boards/my-first-board', '/api/v1/users/7/orders', '/', '/boards?sort=new'];
  for (const p of good) it(`keeps every convention: ${p}`, () => {
    expect(rules(p)).toEqual([]);
    expect(checkUri(p).passed).toEqual(URI_RULES);
  });

  const bad: [string, UriRule[]][] = [
    ['/boards/', ['trailing-slash']],
    ['/board/13', ['plural']],
    ['/boards13', ['hierarchy']],
    ['/boards/13-comments', ['hierarchy']],
    ['/my_boards', ['hyphens']],
    ['/Boards/13', ['lowercase']],
    ['/boards/13.json', ['extension']],
    ['/boards/13/comments.xml', ['extension']],
    ['/boards/13/delete', ['nouns']],
    ['/getBoards', ['lowercase', 'nouns']],
    ['/create-board', ['nouns']],
    ['/boards/list', ['nouns']],
    ['/Board/13/getComments.json/', ['extension', 'lowercase', 'lowercase', 'nouns', 'plural', 'trailing-slash']],
    ['/user_profile/7', ['hyphens', 'plural']],
  ];
  for (const [p, want] of bad) it(`flags ${p}: ${want.join(', ')}`, () => {
    expect(rules(p)).toEqual([...want].sort());
    for (const f of checkUri(p).findings) {
      expect(f.kind).toBe('convention');
      expect(f.message.ko.length).toBeGreaterThan(0);
      expect(f.message.en.length).toBeGreaterThan(0);
    }
  });

  it('reads the path of a full URL with the URL parser', () => {
    expect(pathToCheck('https://test.com/board/13?x=1#top')).toBe('/board/13');
    expect(rules('http://test.com/board/')).toEqual(['plural', 'trailing-slash']);
    expect(pathToCheck('/boards?x=1')).toBe('/boards');
  });
  it('suggests the fix in the message', () => {
    expect(checkUri('/boards13').findings[0].message.en).toContain('/boards/13');
    expect(checkUri('/my_boards').findings[0].message.en).toContain('my-boards');
  });
});

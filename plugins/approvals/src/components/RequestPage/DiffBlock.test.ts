/* eslint-disable no-script-url -- these tests feed dangerous URLs on purpose */
import { diffStats, lineKind } from './DiffBlock';
import { safeLinkUri } from './NotesCard';

describe('diff lines', () => {
  it('tells added, removed, hunk and header lines apart', () => {
    expect(lineKind('+added')).toBe('added');
    expect(lineKind('-removed')).toBe('removed');
    expect(lineKind('+++ b/file')).toBe('header');
    expect(lineKind('--- a/file')).toBe('header');
    expect(lineKind('@@ -1 +1 @@')).toBe('hunk');
    expect(lineKind(' same')).toBe('context');
    expect(diffStats('--- a\n+++ b\n@@\n-x\n+y\n+z\n same')).toEqual({
      added: 2,
      removed: 1,
    });
  });
});

describe('safeLinkUri', () => {
  it('keeps web, mail and relative links and drops the rest', () => {
    expect(safeLinkUri('https://runbooks.example.com/db')).toBe(
      'https://runbooks.example.com/db',
    );
    expect(safeLinkUri('mailto:sre@example.com')).toBe(
      'mailto:sre@example.com',
    );
    expect(safeLinkUri('/catalog/default/component/a')).toBe(
      '/catalog/default/component/a',
    );
    expect(safeLinkUri('#rollback')).toBe('#rollback');
    expect(safeLinkUri('javascript:alert(1)')).toBe('');
    expect(safeLinkUri(' JavaScript:alert(1)')).toBe('');
    expect(safeLinkUri('java\tscript:alert(1)')).toBe('');
    expect(safeLinkUri('data:text/html;base64,xx')).toBe('');
    expect(safeLinkUri('vbscript:x')).toBe('');
  });
});

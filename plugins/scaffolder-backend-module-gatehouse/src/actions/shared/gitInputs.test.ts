import { BRANCH_NAME, HTTP_URL } from './gitInputs';

describe('the git publishers’ input patterns', () => {
  it('take branch names git takes, and refuse what git check-ref-format refuses', () => {
    for (const name of [
      'main',
      'gatehouse/req-7',
      'environments/perf-test',
      'release-1.2',
      'fix_it+again@team',
    ]) {
      expect([name, BRANCH_NAME.test(name)]).toEqual([name, true]);
    }
    for (const name of [
      '',
      '-leading-dash',
      '/leading-slash',
      '.hidden',
      'a..b',
      'a//b',
      'a/.b',
      'trailing/',
      'trailing.',
      'branch.lock',
      'with space',
      'colon:name',
      'tilde~1',
      'caret^',
      'question?',
      'star*',
      'bracket[',
      'back\\slash',
      'tab\tname',
    ]) {
      expect([name, BRANCH_NAME.test(name)]).toEqual([name, false]);
    }
  });

  it('take http and https clone URLs only', () => {
    expect(HTTP_URL.test('https://git.example.com/platform/app.git')).toBe(
      true,
    );
    expect(HTTP_URL.test('http://127.0.0.1:3000/platform/app.git')).toBe(true);
    for (const url of [
      'git@github.com:platform/app.git',
      'ssh://git@git.example.com/app.git',
      'file:///srv/git/app.git',
      'https://',
      'https://host/with space',
    ]) {
      expect([url, HTTP_URL.test(url)]).toEqual([url, false]);
    }
  });
});

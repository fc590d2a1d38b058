import { checkGitVersion, findGitServerTools } from './tools';
import { checkedFilePath, normalizeRepositoryName } from './repositoryName';

describe('findGitServerTools', () => {
  const path = process.env.PATH;
  afterEach(() => {
    process.env.PATH = path;
  });

  it('finds git, nginx and fcgiwrap, the latter two also outside PATH in /usr/sbin', () => {
    process.env.PATH = '/usr/bin:/bin';
    const tools = findGitServerTools();
    expect(tools.nginx).toMatch(/\/nginx$/);
    expect(tools.fcgiwrap).toMatch(/\/fcgiwrap$/);
    expect(tools.git).toMatch(/\/git$/);
  });

  it('names a missing program and the script that installs it', () => {
    process.env.PATH = '/nonexistent';
    expect(() => findGitServerTools()).toThrow(
      /needs git \(Debian's git package\).*scripts\/lib\/git-server\.sh \(ensure_git_server_tools/,
    );
  });
});

describe('checkGitVersion', () => {
  it('accepts git 2.38 and newer, which has merge-tree --write-tree', () => {
    expect(() => checkGitVersion('git version 2.39.5\n')).not.toThrow();
    expect(() => checkGitVersion('git version 3.0.0')).not.toThrow();
    expect(() => checkGitVersion('git version 2.38.0')).not.toThrow();
  });

  it('refuses older or unreadable versions', () => {
    expect(() => checkGitVersion('git version 2.37.1')).toThrow(
      /needs git 2\.38 or newer.*found "git version 2\.37\.1"/,
    );
    expect(() => checkGitVersion('hg 6.0')).toThrow(/found "hg 6\.0"/);
  });
});

describe('repository names and file paths', () => {
  it('accepts nested names with or without .git', () => {
    expect(normalizeRepositoryName('team/app.git')).toBe('team/app');
    expect(normalizeRepositoryName('my_app-2')).toBe('my_app-2');
  });

  it.each(['../escape', '/abs', 'a//b', '.hidden', 'a b', ''])(
    'refuses %j',
    name => {
      expect(() => normalizeRepositoryName(name)).toThrow(
        'is not a repository name',
      );
    },
  );

  it('keeps files inside the work tree', () => {
    expect(checkedFilePath('/w', 'dir/file.txt')).toBe('/w/dir/file.txt');
    for (const file of [
      '../x',
      '/etc/passwd',
      'a/../../x',
      '.git/config',
      'a//b',
    ]) {
      expect(() => checkedFilePath('/w', file)).toThrow(
        'is not a relative file path',
      );
    }
  });
});

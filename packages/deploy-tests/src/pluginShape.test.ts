/*
 * The shape every Gatehouse plugin keeps (issue #14): frontend plugins share
 * UI through -react packages, never by importing each other; backends and
 * the CLI call other plugins only through the typed clients of the *-common
 * packages (over @gatehouse/http-contract), never by URLs built by hand; and
 * every backend serves exactly the route map of its contract.
 */
import {
  SourceFile,
  importedModules,
  isProductionSource,
  packageOf,
  sourceFiles,
  workspacePackages,
} from './__testUtils__/workspacePackages';

const packages = workspacePackages();

describe('frontend plugins', () => {
  const frontendPlugins = packages.filter(p => p.role === 'frontend-plugin');
  const frontendPluginNames = new Set(frontendPlugins.map(p => p.name));

  it('are found', () => {
    expect(frontendPlugins.length).toBeGreaterThan(1);
  });

  it('neither depend on nor import another frontend plugin (shared UI lives in a -react package)', () => {
    const crossings = frontendPlugins.flatMap(pkg => {
      const others = (name: string) =>
        frontendPluginNames.has(name) && name !== pkg.name;
      const dependencies = pkg.dependsOn
        .filter(others)
        .map(name => `${pkg.dir}/package.json depends on ${name}`);
      const imports = sourceFiles(pkg).flatMap(file =>
        importedModules(file.content)
          .filter(specifier => others(packageOf(specifier)))
          .map(specifier => `${file.path} imports ${specifier}`),
      );
      return [...dependencies, ...imports];
    });
    expect(crossings).toEqual([]);
  });
});

describe('backends and the CLI', () => {
  const callers = packages.filter(p =>
    ['backend-plugin', 'backend-plugin-module', 'node-library', 'cli'].includes(
      p.role ?? '',
    ),
  );
  const pluginIds = [
    ...new Set(
      packages.flatMap(p =>
        p.role === 'backend-plugin' && p.pluginId ? [p.pluginId] : [],
      ),
    ),
  ];
  // A plugin's base URL is the typed client's to resolve (through
  // routeCaller); a backend that asks for it itself is about to build a URL.
  const asksForBaseUrl = /\.getBaseUrl\s*\(/g;
  // A literal URL into one of our plugins' APIs, handed to fetch.
  const fetchesPluginApi = new RegExp(
    `\\bfetch\\s*\\(\\s*[\`'"][^\`'"]*/api/(${pluginIds.join('|')})\\b`,
    'g',
  );

  /** "path:line: code" for every match of the patterns in the file. */
  const offences = (file: SourceFile, patterns: RegExp[]) =>
    patterns.flatMap(pattern =>
      [...file.content.matchAll(pattern)].map(match => {
        const line = file.content.slice(0, match.index).split('\n').length;
        const code = file.content.split('\n')[line - 1].trim();
        return `${file.path}:${line}: ${code}`;
      }),
    );

  it('are found', () => {
    expect(callers.map(p => p.name)).toEqual(
      expect.arrayContaining([
        '@gatehouse/cli',
        '@gatehouse/plugin-approvals-backend',
        '@gatehouse/plugin-scaffolder-backend-module-gatehouse',
      ]),
    );
    expect(pluginIds).toEqual(
      expect.arrayContaining(['approvals', 'cost', 'infra-plans', 'clusters']),
    );
  });

  it('call other plugins only through the typed clients, never by a URL built by hand', () => {
    const handBuilt = callers.flatMap(pkg =>
      sourceFiles(pkg)
        .filter(file => isProductionSource(file.path))
        .flatMap(file => offences(file, [asksForBaseUrl, fetchesPluginApi])),
    );
    expect(handBuilt).toEqual([]);
  });
});

describe('backend plugins', () => {
  const backends = packages.filter(p => p.role === 'backend-plugin');
  // A route mounted by hand is outside the contract: clients are not typed
  // from it and no contract test calls it.
  const handMounted =
    /\brouter\s*\.\s*(get|post|put|patch|delete|all|route)\s*\(/g;

  it('serve their contract through mountRoutes, and mount no route by hand', () => {
    const problems = backends.flatMap(pkg => {
      const files = sourceFiles(pkg).filter(file =>
        isProductionSource(file.path),
      );
      const mounts = files.some(file =>
        /\bmountRoutes\s*\(/.test(file.content),
      );
      const byHand = files.flatMap(file =>
        [...file.content.matchAll(handMounted)].map(match => {
          const line = file.content.slice(0, match.index).split('\n').length;
          return `${file.path}:${line}: mounts a route by hand`;
        }),
      );
      return [
        ...(mounts ? [] : [`${pkg.dir} does not mount its route map`]),
        ...byHand,
      ];
    });
    expect(backends.length).toBeGreaterThanOrEqual(4);
    expect(problems).toEqual([]);
  });
});

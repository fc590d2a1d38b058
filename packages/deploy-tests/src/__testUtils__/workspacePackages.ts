import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repositoryRoot } from './repository';

/** One package of the Yarn workspaces (packages/* and plugins/*). */
export type WorkspacePackage = {
  name: string;
  /** Its folder, relative to the repository root. */
  dir: string;
  role?: string;
  /** The plugin it belongs to (backstage.pluginId), if any. */
  pluginId?: string;
  /** Names in dependencies, devDependencies and peerDependencies. */
  dependsOn: string[];
};

/** A source file of a package, relative to the repository root. */
export type SourceFile = { path: string; content: string };

export function workspacePackages(): WorkspacePackage[] {
  return ['packages', 'plugins'].flatMap(parent =>
    readdirSync(join(repositoryRoot, parent))
      .map(child => join(parent, child))
      .filter(dir => isFile(join(repositoryRoot, dir, 'package.json')))
      .map(dir => {
        const json = JSON.parse(
          readFileSync(join(repositoryRoot, dir, 'package.json'), 'utf8'),
        );
        return {
          name: json.name,
          dir,
          role: json.backstage?.role,
          pluginId: json.backstage?.pluginId,
          dependsOn: [
            ...Object.keys(json.dependencies ?? {}),
            ...Object.keys(json.devDependencies ?? {}),
            ...Object.keys(json.peerDependencies ?? {}),
          ],
        };
      }),
  );
}

/** Every .ts/.tsx file under the package's src folder. */
export function sourceFiles(pkg: WorkspacePackage): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(path);
      } else if (/\.tsx?$/.test(entry.name)) {
        files.push({
          path: relative(repositoryRoot, path),
          content: readFileSync(path, 'utf8'),
        });
      }
    }
  };
  const src = join(repositoryRoot, pkg.dir, 'src');
  if (isDirectory(src)) walk(src);
  return files;
}

/** The modules a file imports, requires or mocks, as written. */
export function importedModules(content: string): string[] {
  const specifier =
    /(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*|\bjest\.mock\s*\(\s*)['"]([^'"]+)['"]/g;
  return [...content.matchAll(specifier)].map(match => match[1]);
}

/** The package a module specifier names: '@scope/name/sub' → '@scope/name'. */
export function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Code that runs in production: not tests, test harnesses or fixtures. */
export function isProductionSource(path: string): boolean {
  return !/(\.test\.tsx?$|(^|\/)(__testUtils__|__fixtures__|__mocks__)\/|(^|\/)setupTests\.ts$)/.test(
    path,
  );
}

function isFile(path: string) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isDirectory(path: string) {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

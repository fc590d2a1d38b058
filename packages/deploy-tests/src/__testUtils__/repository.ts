import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

/** The repository's root, wherever the tests run from. */
export const repositoryRoot = resolve(__dirname, '../../../..');

export function readRepositoryFile(path: string): string {
  return readFileSync(join(repositoryRoot, path), 'utf8');
}

export function readYaml(path: string): any {
  return parse(readRepositoryFile(path));
}

/** The manifests of deploy/kubernetes, named as checkKubernetesFiles expects. */
export function kubernetesManifestFiles(): { path: string; content: string }[] {
  const dir = 'deploy/kubernetes';
  return readdirSync(join(repositoryRoot, dir))
    .filter(name => /\.ya?ml$/.test(name))
    .sort()
    .map(name => ({
      path: `kubernetes/${name}`,
      content: readRepositoryFile(`${dir}/${name}`),
    }));
}

/** Every object of every manifest (a kustomization included). */
export function kubernetesObjects(): any[] {
  return kubernetesManifestFiles().flatMap(file =>
    parseAllDocuments(file.content)
      .map(doc => doc.toJS())
      .filter(obj => obj !== null),
  );
}

/** The one object of that kind and name; fails the test when missing. */
export function objectOf(kind: string, name: string): any {
  const found = kubernetesObjects().filter(
    obj => obj.kind === kind && obj.metadata?.name === name,
  );
  if (found.length !== 1) {
    throw new Error(`expected one ${kind} ${name}, found ${found.length}`);
  }
  return found[0];
}

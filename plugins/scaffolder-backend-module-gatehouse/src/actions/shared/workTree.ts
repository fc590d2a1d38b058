import git from 'isomorphic-git';
import fs from 'node:fs';
import { cp, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

/*
 * A git work tree made equal to a folder of rendered files: what the
 * publishers commit is exactly what the render made, so a file the render no
 * longer makes is deleted in the commit too. `.git` is never touched.
 */

const isGitPath = (path: string) => path.split(/[\\/]/).includes('.git');

/** Every file in the work tree (not .git), relative, with / separators. */
export async function workTreeFiles(root: string, dir = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(join(root, dir), { withFileTypes: true })) {
    if (entry.name === '.git') continue;
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await workTreeFiles(root, rel)));
    else out.push(rel);
  }
  return out;
}

/** Replaces the work tree's files with the source folder's (neither's .git). */
export async function replaceWorkTree(
  workTree: string,
  source: string,
): Promise<void> {
  for (const path of await workTreeFiles(workTree)) {
    await rm(join(workTree, path), { force: true });
  }
  await cp(source, workTree, {
    recursive: true,
    filter: path => !isGitPath(path.slice(source.length)),
  });
}

/** What differs between the work tree and HEAD (or an empty tree without one). */
export type WorkTreeChanges = {
  /** New or changed files, to stage with `add`. */
  changed: string[];
  /** Files HEAD has and the work tree no longer does, to stage with `remove`. */
  removed: string[];
};

/**
 * The work tree's changes against HEAD, from isomorphic-git's status matrix
 * (files `.gitignore` ignores are left out, as `git add` would).
 */
export async function workTreeChanges(dir: string): Promise<WorkTreeChanges> {
  const changed: string[] = [];
  const removed: string[] = [];
  // [path, HEAD, WORKDIR, STAGE]: HEAD 0 absent, 1 present; WORKDIR 0 absent,
  // 1 as in HEAD, 2 different from HEAD (so also every new file).
  for (const [path, head, workdir] of await git.statusMatrix({ fs, dir })) {
    if (workdir === 2) changed.push(path);
    else if (workdir === 0 && head === 1) removed.push(path);
  }
  return { changed, removed };
}

export const changeCount = (changes: WorkTreeChanges) =>
  changes.changed.length + changes.removed.length;

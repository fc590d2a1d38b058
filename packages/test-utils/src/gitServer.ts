/**
 * A real git server for tests: `git http-backend` (smart HTTP, push enabled)
 * behind nginx via fcgiwrap on 127.0.0.1. Import it as
 * `@gatehouse/test-utils/gitServer`; the package's index does not load it.
 */
export { startGitServer } from './gitServer/startGitServer';
export type { GitServer, GitServerOptions } from './gitServer/startGitServer';
export type {
  CreateRepositoryOptions,
  Repository,
} from './gitServer/repositories';
export type { CommitOptions } from './gitServer/commitOverHttp';
export type { MergeOptions } from './gitServer/mergeOnServer';
export type { BasicAuth } from './gitServer/htpasswd';
export type { GitIdentity } from './gitServer/runGit';
export { DEFAULT_IDENTITY } from './gitServer/runGit';

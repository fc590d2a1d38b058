/*
 * Input checks the git publishers share, as patterns for their input
 * schemas (the scaffolder checks them before the step runs).
 */

/** An HTTP(S) URL: git over SSH or file:// is not supported. */
export const HTTP_URL = /^https?:\/\/[^\s/]+(\/\S*)?$/;
export const HTTP_URL_MESSAGE = 'an http:// or https:// clone URL';

/**
 * A branch name git accepts, kept to the plain characters: letters, digits,
 * `.`, `_`, `-`, `+`, `@` and `/`; no `..`, `//` or `/.`, no leading
 * `-`, `/` or `.`, no trailing `/`, `.` or `.lock` (git check-ref-format).
 */
export const BRANCH_NAME =
  /^(?![-/.])(?!.*(?:\.\.|\/\/|\/\.))[A-Za-z0-9._+@/-]+(?<![/.])(?<!\.lock)$/;
export const BRANCH_NAME_MESSAGE =
  'a git branch name: letters, digits, ".", "_", "-", "+", "@" and "/"; no ".." or "//"';

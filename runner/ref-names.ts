// Names that come from a checked repository (ref names, submodule names), validated as git
// validates them before anything is built from them. Pure: no file or process access.
import { visible } from './escape.js';

/** A full object id: 40 (SHA-1) or 64 (SHA-256) lowercase hex digits. */
export const OID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

// C0 controls, DEL, and the C1 controls: git allows the last (any byte >= 0x80), porgs-lint does not.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Why a full ref name (`refs/...`, or `HEAD`) is not one git would accept, following
 * `git check-ref-format`; undefined when it is valid.
 */
export function refNameProblem(name: string): string | undefined {
  if (name === 'HEAD') return undefined;
  if (!name.startsWith('refs/')) return 'does not start with refs/';
  if (CONTROL.test(name)) return 'contains a control character';
  if (/[ ~^:?*[\\]/.test(name)) return 'contains a space or one of ~ ^ : ? * [ \\';
  if (name.includes('..')) return 'contains ".."';
  if (name.includes('@{')) return 'contains "@{"';
  if (name.endsWith('/') || name.endsWith('.')) return 'ends with "/" or "."';
  for (const component of name.split('/')) {
    if (component === '') return 'has an empty component ("//")';
    if (component.startsWith('.')) return 'has a component starting with "."';
    if (component.endsWith('.lock')) return 'has a component ending with ".lock"';
  }
  return undefined;
}

export const isValidRefName = (name: string): boolean => refNameProblem(name) === undefined;

/** A remote name git would accept (`git remote add`): `refs/remotes/<name>/x` must be a valid ref. */
export function isValidRemoteName(name: string): boolean {
  return name !== '' && !name.includes('/') && isValidRefName(`refs/remotes/${name}/x`);
}

/**
 * Why a `.gitmodules` submodule name is unsafe to build `.git/modules/<name>` from; undefined when
 * safe. git refuses names with a `..` component; porgs-lint also refuses absolute names,
 * backslashes (a path separator on Windows), control characters, and names that do not resolve
 * to a folder strictly inside `.git/modules`.
 */
export function submoduleNameProblem(name: string): string | undefined {
  if (name === '') return 'is empty';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'is an absolute path';
  if (name.includes('\\')) return 'contains a backslash';
  if (CONTROL.test(name)) return 'contains a control character';
  const parts = name.split('/');
  if (parts.includes('..')) return 'has a ".." component';
  if (parts.every((p) => p === '' || p === '.')) return 'does not name a folder inside .git/modules';
  return undefined;
}

/**
 * A name as text a human can read and no terminal interprets (the reporters' escapes), cut to
 * `max` characters. For names that failed validation, in messages.
 */
export function visibleName(name: string, max = 80): string {
  return visible(name.length > max ? `${name.slice(0, max)}...` : name);
}

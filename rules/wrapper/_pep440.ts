// The subset of PEP 440 the wrapper uses: X.Y.Z with an optional aN / bN / rcN pre-release, or
// (the single-file wrapper up to 3.1.12) a .devN dev release, N optional (`3.1.12.dev` is .dev0).
export type PreLetter = 'a' | 'b' | 'rc' | 'dev';

export interface Pep440 {
  text: string;
  release: [number, number, number];
  /** The segment that makes it not a final release; `dev` for a .devN dev release. */
  pre?: { letter: PreLetter; number: number };
  /** X.Y.Z without the pre-release segment. */
  base: string;
}

const VERSION = /^(\d+)\.(\d+)\.(\d+)(?:(a|b|rc)(\d+)|\.(dev)(\d*))?$/;

export function parsePep440(text: string): Pep440 | undefined {
  const m = VERSION.exec(text);
  if (!m) return undefined;
  const release: [number, number, number] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const pre = m[4] ? { letter: m[4] as PreLetter, number: Number(m[5]) } : m[6] ? { letter: 'dev' as const, number: Number(m[7] || 0) } : undefined;
  return { text, release, base: release.join('.'), ...(pre ? { pre } : {}) };
}

const PRE_RANK = { dev: -1, a: 0, b: 1, rc: 2 } as const;

/** PEP 440 order: 5.2.0.dev1 < 5.2.0a1 < 5.2.0b1 < 5.2.0rc1 < 5.2.0 < 5.2.1. */
export function comparePep440(x: Pep440, y: Pep440): number {
  for (let i = 0; i < 3; i++) if (x.release[i] !== y.release[i]) return x.release[i] - y.release[i];
  if (!x.pre && !y.pre) return 0;
  if (!x.pre) return 1;
  if (!y.pre) return -1;
  return PRE_RANK[x.pre.letter] - PRE_RANK[y.pre.letter] || x.pre.number - y.pre.number;
}

/** The version a release tag names: the tag without one leading `v` (`v5.1.4` names 5.1.4). */
export const taggedVersion = (tag: string): string => tag.replace(/^v(?=\d)/, '');

/** The next beta after a release: 5.1.4 -> 5.1.5b1. */
export function nextBeta(v: Pep440): string {
  return `${v.release[0]}.${v.release[1]}.${v.release[2] + 1}b1`;
}

/** The next dev release after a release, as the single-file wrapper wrote it: 3.1.11 -> 3.1.12.dev. */
export function nextDev(v: Pep440): string {
  return `${v.release[0]}.${v.release[1]}.${v.release[2] + 1}.dev`;
}

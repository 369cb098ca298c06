// The subset of PEP 440 the wrapper uses: X.Y.Z with an optional aN / bN / rcN pre-release.
export interface Pep440 {
  text: string;
  release: [number, number, number];
  pre?: { letter: 'a' | 'b' | 'rc'; number: number };
  /** X.Y.Z without the pre-release segment. */
  base: string;
}

const VERSION = /^(\d+)\.(\d+)\.(\d+)(?:(a|b|rc)(\d+))?$/;

export function parsePep440(text: string): Pep440 | undefined {
  const m = VERSION.exec(text);
  if (!m) return undefined;
  const release: [number, number, number] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return {
    text,
    release,
    base: release.join('.'),
    ...(m[4] ? { pre: { letter: m[4] as 'a' | 'b' | 'rc', number: Number(m[5]) } } : {}),
  };
}

const PRE_RANK = { a: 0, b: 1, rc: 2 } as const;

/** PEP 440 order: 5.2.0a1 < 5.2.0b1 < 5.2.0rc1 < 5.2.0 < 5.2.1. */
export function comparePep440(x: Pep440, y: Pep440): number {
  for (let i = 0; i < 3; i++) if (x.release[i] !== y.release[i]) return x.release[i] - y.release[i];
  if (!x.pre && !y.pre) return 0;
  if (!x.pre) return 1;
  if (!y.pre) return -1;
  return PRE_RANK[x.pre.letter] - PRE_RANK[y.pre.letter] || x.pre.number - y.pre.number;
}

/** Release tags are X.Y.Z with no prefix (the release workflow triggers on [0-9]+.[0-9]+.[0-9]+). */
export { DEFAULT_RELEASE_TAG as RELEASE_TAG } from '../../runner/mode.js';

/** The next beta after a release: 5.1.4 -> 5.1.5b1. */
export function nextBeta(v: Pep440): string {
  return `${v.release[0]}.${v.release[1]}.${v.release[2] + 1}b1`;
}

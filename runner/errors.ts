/** A problem with how porgs-lint was called or configured: exit code 2, one line on stderr. */
export class UsageError extends Error {}

/** Levenshtein distance, for "did you mean" hints. */
export function distance(a: string, b: string): number {
  return distanceWithin(a, b, Infinity);
}

/** The distance, or `bound + 1` as soon as it is known to exceed `bound` (a row's minimum only grows). */
function distanceWithin(a: string, b: string, bound: number): number {
  if (Math.abs(a.length - b.length) > bound) return bound + 1;
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    let rowMin = prev[0];
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
      if (prev[j] < rowMin) rowMin = prev[j];
    }
    if (rowMin > bound) return bound + 1;
  }
  return prev[b.length];
}

/** Past this length a word gets no hint (a hint for it helps nobody, and costs its length squared per candidate). */
const MAX_HINTED = 100;

/** ` (did you mean "x"?)` for the closest candidate within a third of the word's length (2 at least), else ''. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  if (word.length > MAX_HINTED) return '';
  const limit = Math.max(2, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestD = limit + 1;
  for (const c of candidates) {
    // Only a closer candidate replaces the best: nothing at bestD or beyond needs its full distance.
    const d = distanceWithin(word, c, bestD - 1);
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best !== undefined ? ` (did you mean "${best}"?)` : '';
}

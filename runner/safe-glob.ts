// Globs written in a config (`ignore`) are compiled by picomatch to regular expressions and run on
// every reported path: extglobs (`*(a*)x`), brace expansion and several `*` in one path segment
// backtrack for minutes on a long file name a repository chooses. Only a subset that cannot is
// accepted; rules' own globs are porgs-lint's and need no check.

/** picomatch options for config globs: no extglobs, no brace expansion. */
export const CONFIG_GLOB_OPTIONS = { dot: true, noextglob: true, nobrace: true } as const;

const MAX_GLOB_LENGTH = 200;
const MAX_STARS_PER_SEGMENT = 2;
const MAX_GLOBSTARS = 2;

/** Why a config glob is outside the safe subset, or undefined when it is inside. */
export function unsafeGlobReason(glob: string): string | undefined {
  if (glob.length > MAX_GLOB_LENGTH) return `is longer than ${MAX_GLOB_LENGTH} characters`;
  if (/[{}()]/.test(glob)) return 'uses braces or parentheses: brace expansion and extglobs are not supported';
  const segments = glob.split('/');
  if (segments.filter((s) => s === '**').length > MAX_GLOBSTARS) return `has more than ${MAX_GLOBSTARS} ** segments`;
  for (const segment of segments) {
    if (segment === '**') continue;
    if (segment.includes('**')) return `has ** inside the segment "${segment}"; write ** as a whole segment`;
    const stars = segment.split('*').length - 1;
    if (stars > MAX_STARS_PER_SEGMENT) return `has ${stars} * in the segment "${segment}"; at most ${MAX_STARS_PER_SEGMENT}`;
  }
  return undefined;
}

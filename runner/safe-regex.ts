// Regular expressions written in a config, run on names a repository chooses (tag names): a
// backtracking engine can take exponential time on them, so only a subset that cannot is
// accepted, and it only ever sees short input.

/** Input longer than this never matches: no release tag or branch name is that long. */
export const MAX_MATCH_INPUT = 100;
/** Largest count in `{n}`, `{n,}` or `{n,m}`. */
export const MAX_REPEAT_COUNT = 100;
/**
 * Quantifiers and alternatives side by side multiply the ways a backtracking match can split its
 * input: `[0-9]*[0-9]*[0-9]*[0-9]{0,11}x` on 199 digits without a match takes half a minute, `a?`
 * thirty times over is exponential. Each quantifier counts as its number of choices (`*`, `+`,
 * `{n,}`: MAX_MATCH_INPUT + 1; `{n,m}`: m - n + 1; `?`: 2), each group as its number of
 * alternatives, and a pattern not anchored by a leading `^` (or with a top-level `|`) is tried at
 * every start position, MAX_MATCH_INPUT + 1 more; their product must stay under this
 * (`^[0-9]+\.[0-9]+\.[0-9]+$`, three `+`, is about a million).
 */
export const MAX_CHOICES = 2.5e6;

/** A RegExp that does not look at input longer than its cap: `test`, `match`... all go through `exec`. */
class BoundedRegExp extends RegExp {
  constructor(
    pattern: string,
    readonly maxInput: number,
  ) {
    super(pattern);
  }
  override exec(input: string): RegExpExecArray | null {
    return String(input).length > this.maxInput ? null : super.exec(input);
  }
}

interface Group {
  hasQuantifier: boolean;
  hasAlternation: boolean;
  alternatives: number;
}

const QUANTIFIER = /^(?:[*+?]|\{(\d+)(,(\d*))?\})/;

/**
 * The most ways a match of the pattern can split an input of `length` characters, by the same
 * count as MAX_CHOICES: what a caller running it on many inputs charges each one against a budget.
 */
export type MatchCost = (length: number) => number;

/** Why a pattern is outside the safe subset (with its 1-based column), or undefined when it is inside. */
export function unsafeReason(pattern: string, maxInput = MAX_MATCH_INPUT): string | undefined {
  const res = analyse(pattern, maxInput);
  return 'reason' in res ? res.reason : undefined;
}

function analyse(pattern: string, maxInput: number): { reason: string } | { cost: MatchCost } {
  /** (min, max) of each quantifier, for the cost on shorter input. */
  const repeats: Array<[number, number]> = [];
  let constant = 1;
  const fail = (reason: string) => ({ reason });
  const at = (i: number) => `at column ${i + 1} of the pattern`;
  const newGroup = (): Group => ({ hasQuantifier: false, hasAlternation: false, alternatives: 1 });
  const groups: Group[] = [newGroup()];
  /** What a quantifier at the current position repeats: a group, a single atom, or nothing. */
  let last: Group | 'atom' | undefined;
  const startPositions = maxInput + 1;
  /** Whether a match may start anywhere but at the beginning: the engine then retries at each position. */
  let unanchored = !pattern.startsWith('^');
  let choices = unanchored ? startPositions : 1;
  const tooMany = (i: number) =>
    `has too many choices ${at(i)}: its quantifiers and alternatives together could split a name in more than ${MAX_CHOICES.toLocaleString('en-US')} ways (each *, + or {n,} counts ${startPositions}, {n,m} m-n+1, ? 2, a group its alternatives, a pattern without a leading ^ ${startPositions} more); use fewer or narrower ones${unanchored ? ', or anchor it with ^' : ''}`;
  for (let i = 0; i < pattern.length; ) {
    const ch = pattern[i];
    const current = groups[groups.length - 1];
    if (ch === '\\') {
      const next = pattern[i + 1] ?? '';
      if (/[1-9]/.test(next) || (next === 'k' && pattern[i + 2] === '<')) return fail(`has a backreference ${at(i)}; backreferences are not allowed (they can take exponential time)`);
      last = 'atom';
      i += 2;
    } else if (ch === '[') {
      i++;
      if (pattern[i] === '^') i++;
      if (pattern[i] === ']') i++;
      while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1;
      last = 'atom';
      i++;
    } else if (ch === '(') {
      if (/^\(\?<?[=!]/.test(pattern.slice(i, i + 4))) return fail(`has a lookahead or lookbehind ${at(i)}; lookaround is not allowed`);
      groups.push(newGroup());
      last = undefined;
      if (pattern.startsWith('(?:', i)) i += 3;
      else if (pattern.startsWith('(?<', i)) i = pattern.indexOf('>', i) + 1 || pattern.length;
      else i++;
    } else if (ch === ')') {
      const closed = groups.length > 1 ? groups.pop()! : current;
      const parent = groups[groups.length - 1];
      parent.hasQuantifier ||= closed.hasQuantifier;
      parent.hasAlternation ||= closed.hasAlternation;
      choices *= closed.alternatives;
      constant *= closed.alternatives;
      if (choices > MAX_CHOICES) return fail(tooMany(i));
      last = closed;
      i++;
    } else if (ch === '|') {
      if (groups.length === 1 && !unanchored) {
        // `^a|b`: the alternative after a top-level `|` is not anchored by the leading `^`.
        unanchored = true;
        choices *= startPositions;
        if (choices > MAX_CHOICES) return fail(tooMany(i));
      }
      current.hasAlternation = true;
      current.alternatives++;
      last = undefined;
      i++;
    } else {
      const q = QUANTIFIER.exec(pattern.slice(i, i + 16));
      if (!q || last === undefined) {
        // `^`, `$`, `.`, a literal, or a `{` that is not a count (a literal in JavaScript).
        last = ch === '^' || ch === '$' ? undefined : 'atom';
        i++;
        continue;
      }
      const min = q[1] === undefined ? 0 : Number(q[1]);
      const max = q[0] === '?' ? 1 : q[1] === undefined || (q[2] !== undefined && q[3] === '') ? Infinity : Number(q[3] ?? q[1]);
      if (min > MAX_REPEAT_COUNT || (max !== Infinity && max > MAX_REPEAT_COUNT)) return fail(`repeats more than ${MAX_REPEAT_COUNT} times ${at(i)}; use a count of at most ${MAX_REPEAT_COUNT}`);
      if (last !== 'atom') {
        if (last.hasQuantifier) return fail(`has a nested quantifier ${at(i)}: a repeated group holds a quantifier itself, which can take exponential time; write the repetition once`);
        if (max > 1 && last.hasAlternation) return fail(`repeats a group with alternatives (|) ${at(i)}, which can take exponential time; repeat a character class instead`);
      }
      choices *= Math.min(max, maxInput) - min + 1;
      repeats.push([min, max]);
      if (choices > MAX_CHOICES) return fail(tooMany(i));
      current.hasQuantifier = true;
      last = undefined;
      i += q[0].length;
      if (pattern[i] === '?') i++; // lazy
    }
  }
  choices *= groups[0].alternatives;
  if (choices > MAX_CHOICES) return fail(tooMany(pattern.length - 1));
  constant *= groups[0].alternatives;
  const anywhere = unanchored;
  return {
    cost: (length) => repeats.reduce((n, [min, max]) => n * Math.max(1, Math.min(max, length) - min + 1), constant * (anywhere ? length + 1 : 1)),
  };
}

export type SafeRegexResult = { ok: true; regex: RegExp; cost: MatchCost } | { ok: false; reason: string };

/**
 * Compiles a pattern from a config: JavaScript syntax, then the safe subset for input of at most
 * `maxInput` characters (longer input never matches).
 */
export function compileSafeRegex(pattern: string, maxInput = MAX_MATCH_INPUT): SafeRegexResult {
  try {
    new RegExp(pattern);
  } catch (err) {
    return { ok: false, reason: `is not a valid regular expression: ${(err as Error).message}` };
  }
  const res = analyse(pattern, maxInput);
  if ('reason' in res) return { ok: false, reason: res.reason };
  return { ok: true, regex: new BoundedRegExp(pattern, maxInput), cost: res.cost };
}

/** For patterns written in porgs-lint itself: a mistake there is a bug, so it throws. */
export function safeRegex(pattern: string): RegExp {
  const res = compileSafeRegex(pattern);
  if (!res.ok) throw new Error(`internal pattern ${pattern} ${res.reason}`);
  return res.regex;
}

// GitHub's `primaryLocationLineHash`: the rolling hash the upload-sarif action computes over
// the 100 non-whitespace characters starting at each line (64-bit arithmetic, base 37),
// suffixed with an occurrence count. Ported so alerts match those the action would compute.
const BLOCK_SIZE = 100;
const MOD = 37n;
const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const EOF = 65535;

const wrap = (x: bigint) => BigInt.asIntN(64, x);
const FIRST_MOD = (() => {
  let m = 1n;
  for (let i = 0; i < BLOCK_SIZE; i++) m = wrap(m * MOD);
  return m;
})();

/** One hash per line of `text`, index 0 for line 1. */
export function lineHashes(text: string): string[] {
  const window: number[] = new Array(BLOCK_SIZE).fill(0);
  const lineNumbers: number[] = new Array(BLOCK_SIZE).fill(-1);
  const counts = new Map<string, number>();
  const out: string[] = [];
  let hash = 0n;
  let index = 0;
  let lineNumber = 0;
  let lineStart = true;
  let prevCR = false;

  const outputHash = () => {
    const value = BigInt.asUintN(64, hash).toString(16);
    const n = (counts.get(value) ?? 0) + 1;
    counts.set(value, n);
    out[lineNumbers[index] - 1] = `${value}:${n}`;
    lineNumbers[index] = -1;
  };
  const updateHash = (current: number) => {
    const begin = window[index];
    window[index] = current;
    hash = wrap(wrap(MOD * hash) + BigInt(current) - wrap(FIRST_MOD * BigInt(begin)));
    index = (index + 1) % BLOCK_SIZE;
  };
  const processCharacter = (c: number) => {
    if (c === SPACE || c === TAB || (prevCR && c === LF)) {
      prevCR = false;
      return;
    }
    if (c === CR) {
      c = LF;
      prevCR = true;
    } else prevCR = false;
    if (lineNumbers[index] !== -1) outputHash();
    if (lineStart) {
      lineStart = false;
      lineNumber++;
      lineNumbers[index] = lineNumber;
    }
    if (c === LF) lineStart = true;
    updateHash(c);
  };

  for (let i = 0; i < text.length; i++) processCharacter(text.charCodeAt(i));
  processCharacter(EOF);
  for (let i = 0; i < BLOCK_SIZE; i++) {
    if (lineNumbers[index] !== -1) outputHash();
    updateHash(0);
  }
  return out;
}

// Inline suppressions in the host file's comment syntax:
//   # porgs-lint-disable-next-line wrapper/version-format -- reason
//   x = 1  # porgs-lint-disable-line rule-a, rule-b -- reason
// A reason is required; a suppression that suppresses nothing is reported.

export interface Suppression {
  /** Line of the comment. */
  line: number;
  column: number;
  /** The line it applies to. */
  target: number;
  ruleIds: string[];
  reason?: string;
  used: Set<string>;
  text: string;
}

const DIRECTIVE = /(#|\/\/|<!--)\s*porgs-lint-disable-(next-line|line)\b\s*([^\n]*?)\s*(?:-->)?\s*$/;

/** Files with a comment syntax we know; others (CSV, JSON) cannot carry suppressions. */
export function commentStyle(path: string): 'hash' | 'slash' | 'html' | undefined {
  const base = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  if (/\.(py|sh|bash|toml|ya?ml|cfg|ini|txt|dockerfile)$/.test(base) || base === 'dockerfile' || base.startsWith('.') ) return 'hash';
  if (/\.(m?[jt]s|c[jt]s)$/.test(base)) return 'slash';
  if (/\.(md|html|vue)$/.test(base)) return 'html';
  return undefined;
}

export function findSuppressions(path: string, text: string): Suppression[] {
  const style = commentStyle(path);
  if (!style || !text.includes('porgs-lint-disable')) return [];
  const out: Suppression[] = [];
  const lines = text.split('\n');
  lines.forEach((lineText, i) => {
    const m = DIRECTIVE.exec(lineText);
    if (!m) return;
    const marker = m[1];
    if ((style === 'hash' && marker !== '#') || (style === 'slash' && marker !== '//') || (style === 'html' && marker !== '<!--')) return;
    const [idsPart, ...reasonParts] = m[3].split(/\s--\s?|^--\s?/);
    const reason = reasonParts.join(' -- ').trim() || undefined;
    const ruleIds = idsPart
      .split(/[,\s]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    out.push({
      line: i + 1,
      column: m.index + 1,
      target: m[2] === 'next-line' ? i + 2 : i + 1,
      ruleIds,
      reason,
      used: new Set(),
      text: lineText.trim(),
    });
  });
  return out;
}

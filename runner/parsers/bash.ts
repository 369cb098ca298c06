// PLACEHOLDER: replaced by the bash view implementation (web-tree-sitter + tree-sitter-bash).
import type { ParseOutcome } from './parse-outcome.js';
import type { Span } from '../types.js';

export interface BashFile {
  functions: Array<{ name: string; span: Span; bodySpan: Span }>;
  commands: Array<{ name: string; args: string[]; span: Span; fn?: string }>;
  comments: Array<{ text: string; span: Span; fn?: string }>;
}

export async function load(): Promise<(text: string) => ParseOutcome<BashFile>> {
  throw new Error('bash view not implemented yet');
}

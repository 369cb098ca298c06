// PLACEHOLDER: replaced by the Python view implementation (@lezer/python).
import type { ParseOutcome } from './parse-outcome.js';
import type { Span } from '../types.js';

export interface PythonFile {
  /** Assignments at module level (scope '') and directly in class bodies (scope = class name). */
  assignments: Array<{ scope: string; name: string; span: Span; value: PythonValue }>;
  classes: Array<{ name: string; bases: string[]; span: Span }>;
  imports: Array<{ module: string; names: string[]; span: Span; level: number }>;
  asserts: Array<{ span: Span; text: string; left?: PythonValue; op?: string; right?: PythonValue }>;
}

export type PythonValue =
  | { kind: 'string'; value: string; span: Span }
  | { kind: 'name'; name: string; span: Span }
  | { kind: 'other'; text: string; span: Span };

export async function load(): Promise<(text: string) => ParseOutcome<PythonFile>> {
  throw new Error('python view not implemented yet');
}

// One `add-to-list "name,link,description"` row, as images and resources both write them.
import type { BashCommand } from '../../runner/parsers/bash.js';
import type { MessageData, Span } from '../../runner/types.js';

const COLUMNS = 'it needs exactly 3 (name,link,description)';

/** The messages of a row problem, for the rules that check rows (identity: `row`). */
export const LIST_ROW_MESSAGES = {
  noRow: 'add-to-list without a row; give it one quoted "name,link,description" argument',
  unquotedRow: 'add-to-list got {{count}} arguments; quote the whole row: add-to-list "{{row}}"',
  oneColumn: `add-to-list row "{{row}}" has 1 column; ${COLUMNS}`,
  tooFewColumns: `add-to-list row "{{row}}" has {{count}} columns; ${COLUMNS}`,
  tooManyColumns: `add-to-list row "{{row}}" has {{count}} columns; ${COLUMNS} and "no comma allowed in description"`,
  emptyName: `add-to-list row "{{row}}" has an empty name; put the tool's name first`,
  emptyLink: `add-to-list row "{{row}}" has an empty link; give the project's http(s):// URL`,
  linkNotHttp: 'add-to-list row "{{row}}" has link "{{link}}", which is not an http(s):// URL',
  emptyDescription: 'add-to-list row "{{row}}" has an empty description; say in a few words what the tool does',
} as const;

export type RowMessageId = keyof typeof LIST_ROW_MESSAGES;

export interface RowProblem {
  at: Span;
  messageId: RowMessageId;
  data: MessageData;
}

/** Problems of a literal add-to-list call; [] when the row is fine or not literal (it has an expansion). */
export function rowProblems(cmd: BashCommand): RowProblem[] {
  const arg = cmd.args[0];
  if (!arg) return [{ at: cmd, messageId: 'noRow', data: {} }];
  if (cmd.args.some((a) => a.value === undefined)) return [];
  if (cmd.args.length > 1) {
    return [{ at: cmd.args[1], messageId: 'unquotedRow', data: { count: cmd.args.length, row: cmd.args.map((a) => a.value).join(' ') } }];
  }
  const row = arg.value!;
  const cols = row.split(',');
  if (cols.length !== 3) {
    const messageId = cols.length === 1 ? 'oneColumn' : cols.length > 3 ? 'tooManyColumns' : 'tooFewColumns';
    return [{ at: arg, messageId, data: { row, count: cols.length } }];
  }
  const [name, link, description] = cols;
  const out: RowProblem[] = [];
  if (name.trim() === '') out.push({ at: arg, messageId: 'emptyName', data: { row } });
  if (link.trim() === '') out.push({ at: arg, messageId: 'emptyLink', data: { row } });
  else if (!/^https?:\/\/\S+$/.test(link)) out.push({ at: arg, messageId: 'linkNotHttp', data: { row, link } });
  if (description.trim() === '') out.push({ at: arg, messageId: 'emptyDescription', data: { row } });
  return out;
}

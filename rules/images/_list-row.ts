// One `add-to-list "name,link,description"` row, as images and resources both write them.
import type { BashCommand } from '../../runner/parsers/bash.js';
import type { Span } from '../../runner/types.js';

export interface RowProblem {
  at: Span;
  message: string;
}

/** Problems of a literal add-to-list call; [] when the row is fine or not literal (it has an expansion). */
export function rowProblems(cmd: BashCommand): RowProblem[] {
  const arg = cmd.args[0];
  if (!arg) return [{ at: cmd, message: 'add-to-list without a row; give it one quoted "name,link,description" argument' }];
  if (cmd.args.some((a) => a.value === undefined)) return [];
  if (cmd.args.length > 1) {
    return [{ at: cmd.args[1], message: `add-to-list got ${cmd.args.length} arguments; quote the whole row: add-to-list "${cmd.args.map((a) => a.value).join(' ')}"` }];
  }
  const row = arg.value!;
  const cols = row.split(',');
  if (cols.length !== 3) {
    const hint = cols.length > 3 ? ' and "no comma allowed in description"' : '';
    return [{ at: arg, message: `add-to-list row "${row}" has ${cols.length} column${cols.length === 1 ? '' : 's'}; it needs exactly 3 (name,link,description)${hint}` }];
  }
  const [name, link, description] = cols;
  const out: RowProblem[] = [];
  if (name.trim() === '') out.push({ at: arg, message: `add-to-list row "${row}" has an empty name; put the tool's name first` });
  if (!/^https?:\/\/\S+$/.test(link)) {
    out.push({ at: arg, message: link.trim() === '' ? `add-to-list row "${row}" has an empty link; give the project's http(s):// URL` : `add-to-list row "${row}" has link "${link}", which is not an http(s):// URL` });
  }
  if (description.trim() === '') out.push({ at: arg, message: `add-to-list row "${row}" has an empty description; say in a few words what the tool does` });
  return out;
}

// porgs-lint's command in a lefthook config, edited as YAML (comments and layout of the rest kept):
// `pre-push.commands.porgs-lint` (or a `porgs-lint` entry of `pre-push.jobs`) running the launcher
// with `use_stdin: true`, without which lefthook gives the command no input.
import { isMap, isSeq, parseDocument, Scalar, type Document, type YAMLMap } from 'yaml';
import { lefthookRun } from './launcher.js';

export const COMMAND_NAME = 'porgs-lint';

/** How a config runs porgs-lint on pre-push: not at all, or a command whose input is forwarded or not. */
export interface LefthookEntry {
  found: boolean;
  /** `use_stdin: true`: lefthook hands git's input to the command. */
  stdin: boolean;
  /** Written by `hook install` (its run reaches the launcher), not a hand-written one. */
  ours: boolean;
}

const isOurs = (run: unknown) => typeof run === 'string' && run.includes('porgs-lint/pre-push');
/** A command that runs porgs-lint: by its name, or a run naming porgs-lint or its CLI (`dist/runner/cli.js`). */
const runsPorgsLint = (run: unknown, name?: unknown) => name === COMMAND_NAME || (typeof run === 'string' && /porgs-lint|runner\/cli\.js/.test(run));

function prePushOf(doc: Document): YAMLMap | undefined {
  const node = doc.get('pre-push', true);
  return isMap(node) ? node : undefined;
}

/** Every porgs-lint command or job of the pre-push hook. */
function entries(doc: Document): Array<{ node: YAMLMap; remove: () => void }> {
  const hook = prePushOf(doc);
  if (!hook) return [];
  const out: Array<{ node: YAMLMap; remove: () => void }> = [];
  const commands = hook.get('commands', true);
  if (isMap(commands)) {
    for (const pair of commands.items) {
      if (isMap(pair.value) && runsPorgsLint(pair.value.get('run'), String(pair.key))) out.push({ node: pair.value, remove: () => commands.delete(pair.key) });
    }
  }
  const jobs = hook.get('jobs', true);
  if (isSeq(jobs)) {
    jobs.items.forEach((job) => {
      if (isMap(job) && runsPorgsLint(job.get('run'), job.get('name'))) out.push({ node: job, remove: () => jobs.delete(jobs.items.indexOf(job)) });
    });
  }
  return out;
}

export function readEntry(text: string): LefthookEntry {
  const found = entries(parseDocument(text));
  return {
    found: found.length > 0,
    stdin: found.length > 0 && found.every((e) => e.node.get('use_stdin') === true),
    ours: found.some((e) => isOurs(e.node.get('run'))),
  };
}

/** The config with porgs-lint's command added (or made to forward the input); undefined when nothing changes. */
export function addCommand(text: string): string | undefined {
  const doc = parseDocument(text);
  if (doc.errors.length) throw new Error(`it is not valid YAML (${doc.errors[0].message.split('\n')[0]})`);
  if (doc.contents === null) doc.contents = doc.createNode({}) as unknown as typeof doc.contents;
  if (!isMap(doc.contents)) throw new Error('its top level is not a mapping');
  // A hand-written porgs-lint command (an older snippet, use_stdin lost in a merge) is taken over.
  const ours = entries(doc);
  const run = lefthookRun();
  const runNode = () => Object.assign(new Scalar(run), { type: Scalar.BLOCK_LITERAL });
  const wanted = () => ({ run: runNode(), use_stdin: true });
  if (ours.length && ours.every((e) => e.node.get('run') === run && e.node.get('use_stdin') === true)) return undefined;
  for (const e of ours) {
    e.node.set('run', runNode());
    e.node.set('use_stdin', true);
  }
  if (!ours.length) {
    const hook = prePushOf(doc);
    const jobs = hook?.get('jobs', true);
    if (isSeq(jobs)) jobs.add(doc.createNode({ name: COMMAND_NAME, ...wanted() }));
    else if (hook) {
      if (!isMap(hook.get('commands', true))) hook.set('commands', doc.createNode({}));
      (hook.get('commands', true) as unknown as YAMLMap).set(COMMAND_NAME, doc.createNode(wanted()));
    } else doc.set('pre-push', doc.createNode({ commands: { [COMMAND_NAME]: wanted() } }));
  }
  return doc.toString();
}

/** The config without the commands `hook install` wrote (an emptied `pre-push` goes too); undefined when it had none. */
export function removeCommand(text: string): string | undefined {
  const doc = parseDocument(text);
  const ours = entries(doc).filter((e) => isOurs(e.node.get('run')));
  if (!ours.length) return undefined;
  for (const e of ours) e.remove();
  const hook = prePushOf(doc);
  const commands = hook?.get('commands', true);
  if (hook && isMap(commands) && commands.items.length === 0) hook.delete('commands');
  if (hook && hook.items.length === 0) doc.delete('pre-push');
  return doc.toString();
}

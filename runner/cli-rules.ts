// The commands that describe rules rather than run them: `--list-rules` and `explain`.
import path from 'node:path';
import { UsageError, didYouMean } from './errors.js';
import { visible } from './escape.js';
import type { CliIO, ParsedArgs } from './main.js';
import { PACKAGE_ROOT } from './tool.js';
import type { Rule, RuleMeta } from './types.js';

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ')).join('\n') + '\n';
}

/** The rules of the plugins named with --plugin, for `--list-rules` and `explain`. */
async function cliPlugins(args: ParsedArgs, folders: readonly string[]): Promise<readonly Rule[]> {
  if (!args.plugins.length) return [];
  return (await import('./plugins.js')).pluginRulesOrFail(args.plugins, folders);
}

/** Every rule id a run may know here: the built-in ones, the plugins' and the policies of the config in use. */
async function knownRules(args: ParsedArgs, io: CliIO, firstDir: string | undefined, plugins: readonly Rule[]): Promise<RuleMeta[]> {
  const { allRuleMeta } = await import('./registry.js');
  const { chooseConfig } = await import('./config-source.js');
  const { configPolicyRules } = await import('./run.js');
  const { config } = await chooseConfig({ configPath: args.config, firstDir, cwd: io.cwd, env: io.env, extraRules: [...plugins] });
  return [...(await allRuleMeta()), ...plugins, ...(await configPolicyRules(config))].sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** The rules `--list-rules` shows: built-in, the plugins' and the config's policies, with their default severity. */
export async function listRules(args: ParsedArgs, io: CliIO): Promise<string> {
  const metas = await knownRules(args, io, args.positionals[0], await cliPlugins(args, []));
  const description = (m: RuleMeta) => (m.definedIn ? `${m.description} (policy of ${m.definedIn})` : m.description);
  return table([
    ['RULE', 'SEVERITY', 'MODES', 'KINDS', 'DESCRIPTION'],
    ...metas.map((m) => [m.id, defaultSeverity(m), m.modes.join(',') + (m.onReleaseTag ? ' (tag)' : ''), m.kinds.join(','), description(m)]),
  ]);
}

/** `warning`, or `off (warning when on)` for a rule not enabled by default. */
const defaultSeverity = (m: RuleMeta) => (m.enabledByDefault === false ? `off (${m.severity} when on)` : m.severity);

function describe(meta: RuleMeta): string[] {
  const opts = Object.entries(meta.options ?? {});
  return [
    `${meta.id}`,
    '',
    meta.details ?? meta.description,
    '',
    `  kinds:            ${meta.kinds.join(', ')}`,
    `  modes:            ${meta.modes.join(', ')}${meta.onReleaseTag ? ' (only on a commit with a release tag)' : ''}`,
    `  default severity: ${defaultSeverity(meta)}`,
    `  options:          ${opts.length ? '' : 'none'}`,
    ...opts.map(([name, o]) => `    ${name} (${o.type}, default ${JSON.stringify(o.default)}): ${o.description}`),
    `  messages:`,
    ...Object.entries(meta.messages).map(([messageId, template]) => `    ${messageId}: ${template}`),
    meta.docs === undefined && !meta.plugin ? `  defined in:       ${meta.definedIn ?? 'the config'} (a policy: no doc page)` : `  doc page:         ${docPage(meta)}`,
  ];
}

function docPage(meta: RuleMeta): string {
  if (!meta.plugin) return path.join(PACKAGE_ROOT, meta.docs ?? '');
  return meta.plugin.docsUrl ?? `none (plugin ${meta.plugin.name} gives no docsUrl)`;
}

/** `explain <id> [repo...]`: the rule as documented, and whether and why it runs for each repo. */
export async function explain(args: ParsedArgs, io: CliIO): Promise<string> {
  const id = args.positionals[1];
  if (!id) throw new UsageError('explain needs a rule id; see porgs-lint --list-rules');
  // A policy's id is known only from the config; a built-in rule is explained even when that config is broken.
  const { allRuleMeta } = await import('./registry.js');
  const dirs = args.positionals.slice(2);
  // The repos explained (the current folder by default) are the repos a plugin must not come from.
  const plugins = await cliPlugins(args, (dirs.length ? dirs : ['.']).map((d) => path.resolve(io.cwd, d)));
  const metas = id.startsWith('local/') ? await knownRules(args, io, dirs[0], plugins) : [...(await allRuleMeta()), ...plugins];
  const meta = metas.find((m) => m.id === id);
  if (!meta) throw new UsageError(`explain ${id}: unknown rule id${didYouMean(id, metas.map((m) => m.id))}`);
  const lines = describe(meta);
  if (!id.startsWith('hook/')) {
    const { explainApplicability } = await import('./run.js');
    try {
      const verdicts = await explainApplicability(id, { dirs, mode: args.mode, rev: args.rev, kind: args.kind, configPath: args.config, cwd: io.cwd, env: io.env, today: args.today, extraRules: [...plugins] });
      lines.push('', 'For the given repos:', ...verdicts.map((v) => `  ${visible(v)}`));
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      lines.push('', `For ${dirs.length ? visible(dirs.join(', ')) : 'the current folder'}: cannot tell: ${visible(err.message)}`);
    }
  } else lines.push('', 'This check runs in the pre-push hook (porgs-lint pre-push), not in a lint run.');
  return lines.join('\n') + '\n';
}

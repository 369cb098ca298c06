// A repository described as data (runner/memory-git-store.ts), built with real git in a temp
// folder: the other side of the git facts contract. The history goes in with one fast-import,
// tags with `git tag` (so git decides what a tag of a tag points to), a shallow cut with the
// `shallow` file and a prune, as a shallow clone has it. Few processes per repository.
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { oidOf, presentCommits, type GitFile, type GitIds, type GitState } from '../../runner/memory-git-store.js';
import { git, GIT_ENV, tmpDir, useSshSigning } from './git.js';

export interface Materialised {
  /** The work tree (its `.git` holds the history; submodule clones under `.git/modules/<name>`). */
  root: string;
  /** The real object ids of the labels and annotated tags. */
  ids: GitIds;
}

function gitWithInput(cwd: string, args: string[], input: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, env: GIT_ENV, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(Buffer.concat(out).toString('utf8')) : reject(new Error(`git ${args.join(' ')} failed in ${cwd}: ${Buffer.concat(err).toString('utf8')}`))));
    child.stdin.end(input);
  });
}

/** A path as fast-import reads it: C-style quoted when it needs to be. */
function importPath(file: string): string {
  if (!/^["\s]|[\n\\"]|[\u0000-\u001f]/.test(file)) return file;
  return `"${file.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\u0000-\u001f]/g, (c) => `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`)}"`;
}

const PERSON = 'Porg <porg@example.com> 0 +0000';

/** The fast-import stream of every commit (marks :1.. in order), the branches, and a request for each commit's id. */
function importStream(state: GitState, gitlinkOid: (label: string) => string): Buffer {
  const parts: Buffer[] = [];
  const text = (s: string) => parts.push(Buffer.from(s));
  const data = (content: Buffer) => {
    text(`data ${content.length}\n`);
    parts.push(content);
    text('\n');
  };
  const mark = new Map(state.commits.map((c, i) => [c.id, i + 1]));
  for (const c of state.commits) {
    text(`reset refs/materialise/scratch\ncommit refs/materialise/scratch\nmark :${mark.get(c.id)}\ncommitter ${PERSON}\n`);
    data(Buffer.from(`${c.id}\n`));
    const [first, ...others] = c.parents ?? [];
    if (first) text(`from :${mark.get(first)}\n`);
    for (const p of others) text(`merge :${mark.get(p)}\n`);
    text('deleteall\n');
    for (const [file, value] of Object.entries(c.files ?? {})) {
      text(`M ${typeof value === 'string' ? '100644' : '120000'} inline ${importPath(file)}\n`);
      data(Buffer.from(typeof value === 'string' ? value : (value as Exclude<GitFile, string>).symlink));
    }
    for (const [file, label] of Object.entries(c.gitlinks ?? {})) text(`M 160000 ${gitlinkOid(label)} ${importPath(file)}\n`);
    text('\n');
  }
  text('reset refs/materialise/scratch\n\n');
  for (const [name, label] of Object.entries(state.branches ?? {})) text(`reset refs/heads/${name}\nfrom :${mark.get(label)}\n\n`);
  for (const [name, label] of Object.entries(state.remoteBranches ?? {})) text(`reset refs/remotes/${name}\nfrom :${mark.get(label)}\n\n`);
  for (const c of state.commits) text(`get-mark :${mark.get(c.id)}\n`);
  text('done\n');
  return Buffer.concat(parts);
}

/** Builds `state` in `gitDir` (a work tree's `.git`, or a bare clone for a submodule); returns its ids. */
async function build(state: GitState, gitDir: string, workTree: string | undefined): Promise<GitIds> {
  const headBranch = 'branch' in state.head ? state.head.branch : 'main';
  await git(workTree ?? path.dirname(gitDir), 'init', '-q', '-b', headBranch, ...(workTree ? [] : ['--bare', gitDir]));
  const submodules: Record<string, GitIds> = {};
  for (const [name, sub] of Object.entries(state.submodules ?? {})) {
    const dir = path.join(gitDir, 'modules', name);
    await fs.mkdir(path.dirname(dir), { recursive: true });
    submodules[name] = await build(sub, dir, undefined);
  }
  // A gitlink label names a commit of the one submodule clone that has it, else a commit no clone has.
  const gitlinkOid = (label: string) => {
    const found = Object.values(submodules).flatMap((ids) => (ids.commits.has(label) ? [ids.commits.get(label)!] : []));
    return found.length === 1 ? found[0] : oidOf(label);
  };
  const cwd = workTree ?? gitDir;
  const oids = (await gitWithInput(cwd, ['fast-import', '--quiet', '--done'], importStream(state, gitlinkOid))).split('\n').filter(Boolean);
  const commits = new Map(state.commits.map((c, i) => [c.id, oids[i]]));
  let signing = false;
  const tags = state.tags ?? [];
  for (const [i, t] of tags.entries()) {
    const target = tags.slice(0, i).some((o) => o.name === t.target) ? `refs/tags/${t.target}` : commits.get(t.target)!;
    if (t.signed && !signing) {
      await useSshSigning(cwd);
      signing = true;
    }
    const kind = t.signed ? ['-s', '-m', t.name] : t.annotated ? ['-a', '-m', t.name] : [];
    await git(cwd, 'tag', ...kind, '--end-of-options', t.name, target);
  }
  await fs.writeFile(path.join(gitDir, 'HEAD'), 'branch' in state.head ? `ref: refs/heads/${state.head.branch}\n` : `${commits.get(state.head.commit)}\n`);
  if (state.shallow?.length) await fs.writeFile(path.join(gitDir, 'shallow'), state.shallow.map((s) => commits.get(s)).join('\n') + '\n');
  if (presentCommits(state).size < state.commits.length) {
    await git(cwd, '-c', 'gc.reflogExpire=now', '-c', 'gc.reflogExpireUnreachable=now', 'gc', '-q', '--prune=now');
  }
  const hasHead = 'commit' in state.head || state.branches?.[state.head.branch] !== undefined;
  if (hasHead) await (workTree ? git(workTree, 'reset', '-q', '--hard') : git(gitDir, 'read-tree', 'HEAD'));
  const tagObjects = new Map<string, string>();
  if (tags.some((t) => t.annotated || t.signed)) {
    for (const line of (await git(cwd, 'for-each-ref', '--format=%(objecttype) %(objectname) %(refname)', 'refs/tags')).split('\n')) {
      const [type, oid, ref] = line.split(' ');
      const name = ref.slice('refs/tags/'.length);
      if (type === 'tag' && tags.some((t) => t.name === name && (t.annotated || t.signed))) tagObjects.set(name, oid);
    }
  }
  return { commits, tagObjects, submodules };
}

/** A real repository holding `state` (its `rev` is for the caller to pass to `openGitFacts`). */
export async function materialise(state: GitState): Promise<Materialised> {
  const root = path.join(tmpDir('porgs-state-'), 'repo');
  await fs.mkdir(root);
  return { root, ids: await build(state, path.join(root, '.git'), root) };
}

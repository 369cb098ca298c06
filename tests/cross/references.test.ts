// What a docs page is taken to name in the other repos, read from its text alone.
import { describe, expect, it } from 'vitest';
import { pageReferences } from '../../rules/docs/_references.js';
import { pageKind } from '../../rules/docs/_reference-repos.js';

const refs = (text: string) => pageReferences(text).map((r) => `${r.kind} ${r.name} ${r.at.line}:${r.at.column}${r.gitDir ? ` in ${r.gitDir}` : ''}`);

describe('references of a page', () => {
  it('reads code spans, blocks and the prose\'s module paths and branches, with their places', () => {
    const page = [
      '# Notes',
      'Run `python3 setup.py` then review exegol.config.ConstantConfig and the `dev` branch.',
      '```bash',
      'git -C exegol-images pull origin main',
      'mypy exegol.py',
      'exh import --file creds.csv',
      'cat /.exegol/spawn.sh /etc/hosts /opt/tools/bin/x',
      '```',
    ].join('\n');
    expect(refs(page)).toEqual([
      'file setup.py 2:14',
      'module exegol.config.ConstantConfig 2:36',
      'branch dev 2:74',
      'gitDir exegol-images 4:8',
      'branch main 4:34 in exegol-images',
      'file exegol.py 5:6',
      'imagePath /.exegol/spawn.sh 7:5',
      'imagePath /opt/tools/bin/x 7:34',
    ]);
  });

  it('skips HTML comments, template lines, created branches, addresses and values to fill in', () => {
    const page = [
      '<!-- `old.py` and git -C old checkout master -->',
      'Add `package_yourtool.sh` at `/path/to/Exegol/setup.py`.',
      '```bash',
      'git checkout -b feat/new',
      'git checkout "TARGET_BRANCH"',
      'curl https://example.org/install.sh',
      'git tag X.Y.Z',
      '```',
      'See docs.exegol.com and `$HOME/x.sh` and `*.py`.',
    ].join('\n');
    expect(refs(page)).toEqual(['module docs.exegol.com 9:5']);
  });

  it('reads shell blocks only (a console block\'s prompt lines), and follows cd for the branches after it', () => {
    const page = [
      '```yaml',
      '- run: python3 setup.py install',
      '```',
      '```text',
      'File "exegol/manager/ExegolManager.py", line 3',
      '```',
      '```console',
      '$ python3 setup.py',
      'install.py',
      '```',
      '```sh',
      'cd exegol-resources',
      'git pull origin dev',
      '```',
    ].join('\n');
    expect(refs(page)).toEqual(['file setup.py 8:11', 'branch dev 13:17 in exegol-resources']);
  });

  it('takes "your" in prose for prose, but a placeholder word for a template; a branch needs backticks or an instruction', () => {
    const page = ['In your clone, checkout the `dev` branch and run `python3 setup.py`.', 'Run `yourtool.py` from `setup.py`.', 'This is the main branch of development.', 'Paths: `/.exegol/../etc/x` `/.exegol/spawn.sh`'].join('\n');
    expect(refs(page)).toEqual(['file setup.py 1:59', 'branch dev 1:30', 'imagePath /.exegol/spawn.sh 4:29']);
  });

  it('keeps the headings above each reference, outermost first', () => {
    const [ref] = pageReferences('# A\n## Wrapper release\n### Steps\n`setup.py`\n## Images\n');
    expect(ref.headings).toEqual(['A', 'Wrapper release', 'Steps']);
  });

  it('tells the repo of a page from its place', () => {
    expect([pageKind('contribute/images.md'), pageKind('wrapper/cli/start.md'), pageKind('contribute/my-resources.md'), pageKind('faq.md')]).toEqual(['images', 'wrapper', undefined, undefined]);
  });
});

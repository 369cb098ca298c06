// GitHub annotations and the job summary have no place for a second location: they name it in the
// text, after the message.
import { describe, expect, it } from 'vitest';
import { github, githubStepSummary } from '../../reporters/github.js';
import { TOOL } from '../../runner/tool.js';
import type { RunResult } from '../../runner/types.js';

const result: RunResult = {
  tool: TOOL,
  repos: [{ name: 'images', root: '/r/images', displayPath: '../images', kind: 'images', kindReason: 'detected', mode: 'dev', modeReason: 'HEAD is branch dev' }],
  diagnostics: [
    {
      ruleId: 'images/install-fn-duplicate',
      severity: 'error',
      messageId: 'duplicate',
      data: { function: 'install_tldr', firstPath: 'sources/install/package_ad.sh', firstLine: 47 },
      message: 'install_tldr is already defined in sources/install/package_ad.sh; the definition sourced last wins, so keep one and remove the other',
      location: { repo: 'images', path: 'sources/install/package_misc.sh', line: 21, column: 10 },
      related: [{ repo: 'images', path: 'sources/install/package_ad.sh', line: 47, column: 10, label: 'the first definition' }],
      fingerprint: '0'.repeat(32),
    },
  ],
  rules: [],
  summary: { errors: 1, warnings: 0, notes: 0 },
  readFile: () => undefined,
  startTime: '',
  endTime: '',
  executionSuccessful: true,
};

describe('second places in GitHub output', () => {
  it('follow the message of the annotation and of the summary row', () => {
    const place = '(the first definition: ../images/sources/install/package_ad.sh:47)';
    expect(github(result, { color: false, cwd: '/r' }).split('\n')[0]).toMatch(new RegExp(`^::error file=\\.\\./images/sources/install/package_misc\\.sh,.*::install_tldr is already defined .* remove the other ${place.replace(/[().]/g, '\\$&')}$`));
    expect(githubStepSummary(result)).toContain(`remove the other ${place}\``);
  });
});

// Temporary fixes: `local temp_fix_limit="YYYY-MM-DD"` and the check_temp_fix_expiry guard.
import { RuleTester } from '../../../runner/testing.js';
import { AD, MISC, edit, images } from '../fixture.js';

const tester = new RuleTester();

const badDates = images({
  [MISC]: edit(
    '    local temp_fix_limit="2026-09-01"\n',
    '    # local temp_fix_limit="YYYY-MM-DD"\n    local temp_fix_limit="2026-02-30"\n    temp_fix_limit="01/09/2026"\n    temp_fix_limit="$(date +%F)"\n',
  ),
});

tester.run('images/temp-fix-expired', {
  valid: [
    { name: 'on the day of the limit', files: images(), today: '2026-09-01' },
    { name: 'limits that are not dates are left to temp-fix-date-format', files: badDates, today: '2027-01-01' },
  ],
  invalid: [
    {
      name: 'the day after the limit',
      files: images(),
      today: '2026-09-02',
      findings: [{ messageId: 'expired', path: MISC, line: 8, column: 26, data: { limit: '2026-09-01', today: '2026-09-02' } }],
    },
  ],
});

tester.run('images/temp-fix-date-format', {
  valid: [{ name: 'the fixture as committed', files: images() }],
  invalid: [
    {
      name: 'impossible, malformed and computed dates; a commented template is ignored',
      files: badDates,
      findings: [
        { messageId: 'notRealDate', path: MISC, line: 9, column: 26, data: { value: '2026-02-30' } },
        { messageId: 'notIsoDate', path: MISC, line: 10, column: 20, data: { value: '01/09/2026' } },
        { messageId: 'computedDate', path: MISC, line: 11, column: 20, data: {} },
      ],
    },
  ],
});

const inlineGuard = (stop: string) =>
  images({
    [MISC]: edit(
      '    if check_temp_fix_expiry "$temp_fix_limit"; then\n',
      `    if [[ "$(date +%Y%m%d)" -gt "$(date -d $temp_fix_limit +%Y%m%d)" ]]; then\n      ${stop} "Temp fix expired. Exiting."\n    else\n`,
    ),
  });

tester.run('images/temp-fix-guarded', {
  valid: [
    { name: 'the fixture as committed', files: images() },
    { name: 'the inline guard written before check_temp_fix_expiry existed, when it stops the build', files: inlineGuard('criticalecho') },
  ],
  invalid: [
    {
      name: 'no check_temp_fix_expiry follows in the same function',
      files: images({
        [MISC]: edit('    if check_temp_fix_expiry "$temp_fix_limit"; then\n', '    if true; then\n    # if check_temp_fix_expiry "$temp_fix_limit"; then\n'),
        [AD]: edit('    local curl_arch\n', '    local curl_arch\n    local temp_fix_limit="2026-05-01"\n'),
      }),
      findings: [
        { messageId: 'unguarded', path: AD, line: 19, column: 11, data: { function: 'install_bloodhound-ce' } },
        { messageId: 'unguarded', path: MISC, line: 8, column: 11, data: { function: 'install_searchsploit' } },
      ],
    },
    {
      name: 'an inline guard that does not stop the build',
      files: inlineGuard('echo'),
      findings: [{ messageId: 'unguarded', path: MISC, line: 8, column: 11, data: { function: 'install_searchsploit' } }],
    },
    {
      name: 'a limit at the top level of a script',
      files: images({ [AD]: edit('source common.sh\n', 'source common.sh\ntemp_fix_limit="2026-05-01"\n') }),
      findings: [{ messageId: 'unguardedTopLevel', path: AD, line: 5, column: 1, data: {} }],
    },
  ],
});

import { RuleTester } from '../../runner/testing.js';
import versionFormat from '../../rules/wrapper/version-format.js';

new RuleTester().run({ id: 'wrapper/version-format', definition: versionFormat }, {
  valid: [{ files: { 'exegol/config/ConstantConfig.py': '__version__ = "5.2.0b1"\n' } }],
  invalid: [
    {
      files: { 'exegol/config/ConstantConfig.py': '__version__ = "5.2.0-beta1"\n' },
      findings: [{ messageId: 'notPep440', line: 1, column: 15, data: { version: '5.2.0-beta1' } }],
    },
  ],
});

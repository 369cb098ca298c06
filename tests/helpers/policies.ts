// Policies written as the Exegol conventions would need them, shared by the policy, schema and
// init tests.

export const NO_LATEST_MASTER = `
[[policy]]
id = "local/no-latest-master"
description = "Docs pages do not send users to the latest master."
kinds = ["docs"]
severity = "warning"
message = 'the page says "{{match}}": name a release, or the dev branch for unreleased features'
files = ["docs/src/**/*.md"]
forbid-line = 'latest master'
`;

export const PIPX_ONLY = `
[[policy]]
id = "local/pipx-only"
description = "Install functions install Python tools with pipx, not pip."
kinds = ["images"]
severity = "error"
message = "{{function}} runs {{match}}: install Python tools with pipx install"
files = ["sources/install/package_*.sh"]
[policy.command]
name = ["pip", "pip3", "python3"]
args = '^(-m pip )?install( |$)'
inside = "install-functions"
`;

export const SOURCES_COMMON = `
[[policy]]
id = "local/sources-common"
description = "Every package file sources common.sh, where the helpers live."
kinds = ["images"]
severity = "error"
message = "no line matches {{pattern}}: add source common.sh at the top"
files = ["sources/install/package_*.sh"]
require = '^source common\\.sh$'
`;

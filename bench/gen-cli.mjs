// The wrapper's command line as the real one is shaped (exegol/console/cli/actions/): an Option
// class and a Command base with the global options, mixins of GenericParameters.py with the
// container and image options, and 13 action classes in ExegolParameters.py (about 60 options).
const ACTIONS = {
  Start: ['ContainerCreation', 'ContainerSpawnShell'],
  Stop: ['ContainerMultiSelector'],
  Restart: ['ContainerSelector', 'ContainerSpawnShell'],
  Install: ['ImageSelector'],
  Build: ['ImageSelector'],
  Update: ['ImageSelector'],
  Upgrade: ['ContainerMultiSelector'],
  Uninstall: ['ImageMultiSelector'],
  Remove: ['ContainerMultiSelector'],
  Exec: ['ContainerCreation', 'ContainerStart'],
  Info: ['ContainerSelector'],
  Activate: [],
  Version: [],
};
const MIXINS = {
  ContainerSelector: { bases: [], options: [['containertag']] },
  ContainerMultiSelector: { bases: [], options: [['multicontainertag'], ['--all']] },
  ImageSelector: { bases: [], options: [['imagetag']] },
  ImageMultiSelector: { bases: [], options: [['multiimagetag'], ['--all']] },
  ContainerStart: { bases: [], options: [['-e', '--env'], ['--cap']] },
  ContainerSpawnShell: { bases: ['ContainerStart'], options: [['-s', '--shell'], ['-l', '--log'], ['--log-method'], ['--log-compress']] },
  ContainerCreation: {
    bases: ['ContainerSelector', 'ImageSelector'],
    options: [['--disable-X11'], ['--disable-my-resources'], ['--disable-exegol-resources'], ['--network'], ['--disable-shared-timezones'], ['-cwd', '--cwd-mount'], ['-w', '--workspace'], ['-fs', '--update-fs'], ['-V', '--volume'], ['-p', '--port'], ['--hostname'], ['--privileged'], ['-d', '--device'], ['--comment'], ['--vpn'], ['--vpn-auth'], ['--desktop'], ['--desktop-config']],
  },
};
const OWN = { Build: [['--build-log'], ['--build-path']], Update: [['--skip-git'], ['--skip-images']], Upgrade: [['-F', '--force'], ['--no-backup'], ['--image']], Uninstall: [['-F', '--force']], Remove: [['-F', '--force']], Exec: [['-b', '--background'], ['--tmp']], Activate: [['--revoke']] };
const GLOBAL = [['-q', '--quiet'], ['-v', '--verbose'], ['--arch'], ['--offline'], ['--accept-eula']];

const attr = (flags) => flags[flags.length - 1].replace(/^-+/, '').replace(/-/g, '_');
const option = (flags, indent = 8) =>
  `${' '.repeat(indent)}self.${attr(flags)} = Option(${flags.map((f) => `"${f}"`).join(', ')},\n${' '.repeat(indent + 16)}action="store",\n${' '.repeat(indent + 16)}help="The ${attr(flags)} option.")\n`;
const init = (body) => `    def __init__(self, groupArgs: List[GroupArg]):\n${body}`;

export function cliFiles() {
  const command = [
    'from typing import List, Optional\n\n\nclass Option:\n    """Define an argparse parameter"""\n\n    def __init__(self, *args, dest: Optional[str] = None, **kwargs) -> None:\n        self.args = args\n        self.kwargs = kwargs\n\n\nclass GroupArg:\n    def __init__(self, *options, title: Optional[str] = None) -> None:\n        self.options = options\n\n\n',
    'class Command:\n    """The root of all CLI actions"""\n\n    def __init__(self) -> None:\n        self.name = type(self).__name__.lower()\n',
    ...GLOBAL.map((f) => option(f)),
    '        self.groupArgs: List[GroupArg] = []\n',
  ].join('');
  const generic = [
    'from typing import List\n\nfrom exegol.console.cli.actions.Command import Option, GroupArg\n\n',
    ...Object.entries(MIXINS).map(([name, m]) => `\nclass ${name}${m.bases.length ? `(${m.bases.join(', ')})` : ''}:\n${init(`${m.bases.map((b) => `        ${b}.__init__(self, groupArgs)\n`).join('')}${m.options.map((f) => option(f)).join('')}`)}\n`),
  ].join('');
  const actions = [
    'from exegol.console.cli.actions.Command import Command, Option, GroupArg\nfrom exegol.console.cli.actions.GenericParameters import *\n\n',
    ...Object.entries(ACTIONS).map(
      ([name, bases]) =>
        `\nclass ${name}(${['Command', ...bases].join(', ')}):\n    """The ${name.toLowerCase()} action"""\n\n    def __init__(self) -> None:\n        Command.__init__(self)\n${bases.map((b) => `        ${b}.__init__(self, self.groupArgs)\n`).join('')}${(OWN[name] ?? []).map((f) => option(f)).join('')}\n    def __call__(self, *args, **kwargs):\n        return None\n\n`,
    ),
  ].join('');
  return {
    'exegol/console/cli/actions/__init__.py': '',
    'exegol/console/cli/actions/Command.py': command,
    'exegol/console/cli/actions/GenericParameters.py': generic,
    'exegol/console/cli/actions/ExegolParameters.py': actions,
  };
}

from typing import List, Optional

from exegol.console.cli.actions.Command import Option, GroupArg


class ContainerSelector:
    """Generic parameter class for container selection"""

    def __init__(self, groupArgs: List[GroupArg]):
        self.containertag: Optional[Option] = Option("containertag",
                                                     metavar="CONTAINER",
                                                     nargs='?',
                                                     action="store",
                                                     help="Tag used to target an Exegol container")
        groupArgs.append(GroupArg({"arg": self.containertag, "required": False},
                                  title="[blue]Container selection options[/blue]"))


class ContainerStart:
    """Generic parameter class for container start.
    This generic class is used by start, restart and exec actions"""

    def __init__(self, groupArgs: List[GroupArg]):
        self.envs = Option("-e", "--env",
                           action="append",
                           dest="envs",
                           help="And an environment variable on Exegol (format: --env KEY=value).")
        self.capabilities = Option("--cap",
                                   dest="capabilities",
                                   metavar='',
                                   action="append",
                                   help="Capabilities allow to add specific privileges to the container")
        groupArgs.append(GroupArg({"arg": self.envs, "required": False},
                                  {"arg": self.capabilities, "required": False},
                                  title="[blue]Container start options[/blue]"))


class ContainerSpawnShell(ContainerStart):
    """Generic parameter class to spawn a shell on an exegol container.
    This generic class is used by start and restart"""

    def __init__(self, groupArgs: List[GroupArg]):
        self.shell = Option("-s", "--shell",
                            dest="shell",
                            action="store",
                            choices={"zsh", "bash", "tmux"},
                            help="Select a shell environment to launch at startup (Default: zsh)")
        self.log = Option("-l", "--log",
                          dest="log",
                          action="store_true",
                          help="Enable shell logging (commands and outputs) on exegol to /workspace/logs/")
        groupArgs.append(GroupArg({"arg": self.shell, "required": False},
                                  {"arg": self.log, "required": False},
                                  title="[blue]Container creation Shell options[/blue]"))
        ContainerStart.__init__(self, groupArgs)


class ContainerCreation(ContainerSelector):
    """Generic parameter class for container creation.
    This generic class is used by start and exec"""

    def __init__(self, groupArgs: List[GroupArg]):
        ContainerSelector.__init__(self, groupArgs)
        self.imagetag: Optional[Option] = Option("imagetag",
                                                 metavar="IMAGE",
                                                 nargs='?',
                                                 action="store",
                                                 help="Tag used to target an Exegol image")
        self.workspace_path = Option("-w", "--workspace",
                                     dest="workspace_path",
                                     action="store",
                                     help="The specified host folder will be linked to the /workspace folder in the container")
        self.volumes = Option("-V", "--volume",
                              action="append",
                              dest="volumes",
                              help="Share a new volume between host and exegol")
        self.hostname = Option("--hostname",
                               dest="hostname",
                               action="store",
                               help="Set a custom hostname to the exegol container")
        groupArgs.append(GroupArg({"arg": self.imagetag, "required": False},
                                  {"arg": self.workspace_path, "required": False},
                                  {"arg": self.volumes, "required": False},
                                  {"arg": self.hostname, "required": False},
                                  title="[blue]Container creation options[/blue]"))

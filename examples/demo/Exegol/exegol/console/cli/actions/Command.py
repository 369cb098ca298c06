from typing import List, Optional


class Option:
    """This object allows to define and configure an argparse parameter"""

    def __init__(self, *args, dest: Optional[str] = None, **kwargs) -> None:
        self.args = args
        self.kwargs = kwargs
        self.dest = dest


class GroupArg:
    """This object allows you to group a set of options within the same group"""

    def __init__(self, *options, title: Optional[str] = None, is_global: bool = False) -> None:
        self.title = title
        self.options = options
        self.is_global = is_global


class Command:
    """The Command class is the root of all CLI actions"""

    def __init__(self) -> None:
        self.name = type(self).__name__.lower()
        # Global parameters
        self.quiet = Option("-q", "--quiet",
                            dest="quiet",
                            action="store_true",
                            help="Show no information at all")
        self.verbosity = Option("-v", "--verbose",
                                dest="verbosity",
                                action="count",
                                help="Verbosity level (-v for verbose, -vv for advanced, -vvv for debug)")
        self.groupArgs: List[GroupArg] = [
            GroupArg({"arg": self.verbosity, "required": False},
                     {"arg": self.quiet, "required": False},
                     title="[blue]Optional arguments[/blue]",
                     is_global=True)
        ]

    def __call__(self, *args, **kwargs):
        raise NotImplementedError

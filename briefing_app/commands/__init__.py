"""The bodies of the command-line subcommands, imported only when their command runs."""

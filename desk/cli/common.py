"""What every subcommand shares."""
from desk.bootstrap import db_parent, open_context

__all__ = ["db_parent", "open_context"]

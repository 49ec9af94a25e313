"""Errors a user can cause, each with a message that says what to do."""


class UserError(Exception):
    """A problem with the command line or the files given to it; the CLI prints it on one line."""

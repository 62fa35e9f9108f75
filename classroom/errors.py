"""Why a class request was refused: one exception per reason, each with its message key.

The repository raises these and stores nothing; the page shows ``t(err.key, lang,
**err.params)`` (``i18n/messages/classroom.py``). ``str(err)`` is the English form, for logs.
"""

from __future__ import annotations


class ClassroomError(Exception):
    """A refused class request; ``key`` names its message, ``params`` fill it."""

    key = "class.err.generic"

    def __init__(self, **params: object) -> None:
        self.params = params
        super().__init__(f"{self.key} {params}" if params else self.key)


class UnknownClass(ClassroomError):
    key = "class.err.unknown_code"


class ClassExpired(ClassroomError):
    key = "class.err.expired"


class NotAllowed(ClassroomError):
    """A teacher token or a student token that does not belong to the class."""

    key = "class.err.not_allowed"


class TooManyAttempts(ClassroomError):
    key = "class.err.rate_limited"


class BadNickname(ClassroomError):
    key = "class.err.nickname"


class NicknameTaken(ClassroomError):
    key = "class.err.nickname_taken"


class QuestionClosed(ClassroomError):
    """The question is not the class's open question (revealed, replaced, or never asked)."""

    key = "class.err.question_closed"


class BadAnswer(ClassroomError):
    """A guess outside the surface's window, or a choice that is not one of the options."""

    key = "class.err.bad_answer"


class BadDuration(ClassroomError):
    key = "class.err.duration"

"""The small feedback protocol of the pipelines: progress, cancel, information and warnings.

A job takes any object with these four methods (duck typing); the Processing algorithms pass an adapter
of QGIS's ``QgsProcessingFeedback`` (``plugin/processing/base.py``), the command line one that prints
to the terminal (``plugin/cli.py``), the archive runner one that records; library users can pass none::

    class Feedback:
        def progress(self, percent): ...      # 0..100
        def is_cancelled(self): ...            # True: the job stops at its next check, writing nothing
        def info(self, text): ...              # a line of the log (already translated)
        def warning(self, text): ...           # something the user should know about the result

:func:`checkpoint` raises :class:`~..errors.Cancelled` when cancel was asked; :class:`Steps` maps the
progress of one step of a job onto its share of the whole.
"""
from ..errors import Cancelled


class Feedback:
    """Feedback that shows nothing and never cancels; the base of the others."""

    def progress(self, percent):
        pass

    def is_cancelled(self):
        return False

    def info(self, text):
        pass

    def warning(self, text):
        pass


class RecordingFeedback(Feedback):
    """Keeps what it is told (``infos``, ``warnings``, the last ``percent``); cancels when ``cancel()``
    was called, or once progress passes ``cancel_at`` percent (tests, the archive runner)."""

    def __init__(self, cancel_at=None):
        self.infos, self.warnings, self.percent = [], [], 0.0
        self.cancel_at = cancel_at
        self._cancelled = False

    def cancel(self):
        self._cancelled = True

    def progress(self, percent):
        self.percent = float(percent)
        if self.cancel_at is not None and self.percent >= self.cancel_at:
            self._cancelled = True

    def is_cancelled(self):
        return self._cancelled

    def info(self, text):
        self.infos.append(text)

    def warning(self, text):
        self.warnings.append(text)


def as_feedback(feedback):
    """``feedback``, or a silent :class:`Feedback` when None."""
    return Feedback() if feedback is None else feedback


def checkpoint(feedback):
    """Raise :class:`~..errors.Cancelled` when ``feedback`` asks to stop."""
    if feedback.is_cancelled():
        raise Cancelled()


class Steps(Feedback):
    """The feedback of one step of a job: its progress 0..100 lands in ``start .. start + span`` of the
    job's; cancel, information and warnings go through."""

    def __init__(self, feedback, start, span):
        self.feedback, self.start, self.span = feedback, float(start), float(span)

    def progress(self, percent):
        self.feedback.progress(self.start + self.span * min(max(float(percent), 0.0), 100.0) / 100.0)

    def is_cancelled(self):
        return self.feedback.is_cancelled()

    def info(self, text):
        self.feedback.info(text)

    def warning(self, text):
        self.feedback.warning(text)

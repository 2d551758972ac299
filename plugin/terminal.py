"""What the command lines (``plugin/cli.py``, ``plugin/archive_cli.py``) share: progress and log on a
terminal, the help layout, date arguments, JSON-friendly results, and one way of running a job with
Ctrl-C as a cancel and a sentence (never a traceback) for a failure."""
import argparse
import json
import math
import os
import signal
import sys
import textwrap

from .errors import INPUT, NeveError, as_neve_error
from .i18n import tr
from .pipeline import spec as s
from .pipeline.feedback import Feedback

EXIT_OK, EXIT_FAILURE, EXIT_BAD_INPUT = 0, 1, 2


class TerminalFeedback(Feedback):
    """Progress on one line of standard error when it is a terminal; the log on standard error; cancel
    on Ctrl-C (the job stops at its next check and leaves nothing)."""

    def __init__(self, stream=None, quiet=False):
        self.stream = stream or sys.stderr
        self.quiet = quiet
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.cancelled = False
        self._shown = None

    def progress(self, percent):
        if self.tty and not self.quiet:
            shown = int(percent)
            if shown != self._shown:
                self._shown = shown
                self.stream.write("\r{:3d} %".format(shown))
                self.stream.flush()

    def is_cancelled(self):
        return self.cancelled

    def _line(self, text):
        if self._shown is not None:
            self.stream.write("\r")
            self._shown = None
        self.stream.write(text + "\n")
        self.stream.flush()

    def info(self, text):
        if not self.quiet:
            self._line(text)

    def warning(self, text):
        self._line(tr("Warning: {text}").format(text=text))

    def done(self):
        if self._shown is not None:
            self.stream.write("\r" + " " * 6 + "\r")
            self._shown = None


class Formatter(argparse.RawDescriptionHelpFormatter):
    """The help of every command: as wide as the terminal (at most 110 columns), never cut at a hyphen."""

    def __init__(self, prog):
        super().__init__(prog, max_help_position=32, width=min(110, _terminal_width()))

    def _split_lines(self, text, width):  # never cut "Let-It-Snow" or "--input-product" at a hyphen
        return textwrap.wrap(" ".join(text.split()), width, break_on_hyphens=False)


def _terminal_width():
    try:
        return os.get_terminal_size(2).columns
    except OSError:
        return 100


def date_argument(text):
    """An argparse type: ``YYYY-MM-DD`` -> date."""
    try:
        return s.parse_date(text)
    except ValueError:
        raise argparse.ArgumentTypeError(tr("{value} is not a date (YYYY-MM-DD)").format(value=text)) from None


def jsonable(value):
    """``value`` with numpy numbers and non-finite floats made JSON-friendly."""
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def run_job(call, feedback, stdout, stderr, as_json=False, quiet=False):
    """Run ``call(feedback)`` with Ctrl-C as a cancel; print its results (JSON on ``stdout``, or one line
    per output on ``stderr``) or its error as one sentence. Returns (exit status, results or None)."""
    previous = signal.getsignal(signal.SIGINT)

    def interrupt(_signum, _frame):
        feedback.cancelled = True

    try:
        signal.signal(signal.SIGINT, interrupt)
    except ValueError:  # not the main thread
        previous = None
    try:
        results = call(feedback)
    except NeveError as error:
        feedback.done()
        stderr.write(tr("Error: {message}").format(message=error.message()) + "\n")
        return (EXIT_BAD_INPUT if error.kind == INPUT else EXIT_FAILURE), None
    except (OSError, MemoryError) as error:
        feedback.done()
        stderr.write(tr("Error: {message}").format(message=as_neve_error(error).message()) + "\n")
        return EXIT_FAILURE, None
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
    feedback.done()
    if as_json:
        stdout.write(json.dumps(jsonable(results), ensure_ascii=False, indent=1) + "\n")
    elif not quiet:
        for key, value in results.items():
            stderr.write("{}: {}\n".format(key, jsonable(value)))
    return EXIT_OK, results

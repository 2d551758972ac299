"""The one exception type of Névé's science, readers and pipelines: a code, data, and a message made where
it is shown.

::

    raise NeveError("dz_too_small", QT_TR_NOOP("DZ must be at least {minimum:g} m (it is {value:g})."),
                    minimum=1.0, value=dz)

- ``code``: a stable identifier a program can test (the archive's manifest records it);
- ``data``: the values the message speaks of;
- the message template is English, marked with ``QT_TR_NOOP`` so that pylupdate5 collects it, and
  translated when the error is turned into text (``str(error)``, ``error.message()``): in QGIS by the
  Processing adapter, on the command line by the command, in the language installed there.

``kind`` says what went wrong, which decides the command line's exit status: ``"input"`` (the input or
the parameters are not what the job needs: exit 2), ``"failure"`` (reading or writing failed: exit 1),
``"cancelled"`` (the user asked to stop). Subclasses: :class:`Cancelled`; the readers'
``ProductError`` and ``RasterReadError`` (``plugin/io``) are NeveErrors too.

A text that is already translated (a reader's warning turned into an error) can be given as the template
without data: it is shown as it is.
"""
from .i18n import QT_TR_NOOP, tr

INPUT, FAILURE, CANCELLED = "input", "failure", "cancelled"


class NeveError(Exception):
    """An error with a stable ``code``, its ``data`` and a message template translated when shown."""

    kind = INPUT

    def __init__(self, code, template=None, kind=None, **data):
        if template is None:  # NeveError("a whole message"), the code unknown
            code, template = "error", code
        super().__init__(template)
        self.code = code
        self.template = template
        self.data = data
        if kind is not None:
            self.kind = kind

    def message(self):
        """The message in the language of the installed translation."""
        text = tr(self.template)
        if not self.data:
            return text
        try:
            return text.format(**self.data)
        except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder
            return self.template.format(**self.data)

    def __str__(self):
        return self.message()

    def __reduce__(self):  # picklable (cluster workers send errors back), subclasses included
        return (_rebuild, (type(self), self.template, dict(self.__dict__)))


def _rebuild(cls, template, attributes):
    error = cls.__new__(cls)
    Exception.__init__(error, template)
    error.__dict__.update(attributes)
    return error


class Cancelled(NeveError):
    """The user cancelled: nothing was written."""

    kind = CANCELLED

    def __init__(self):
        super().__init__("cancelled", QT_TR_NOOP("Cancelled: no output was written."))


def as_neve_error(error, path=None):
    """A :class:`NeveError` for an error of the system (a full disk, a read-only folder, no memory), with
    one clear sentence instead of a traceback; ``error`` itself when it is a NeveError already."""
    import errno

    if isinstance(error, NeveError):
        return error
    if isinstance(error, MemoryError):
        return NeveError("out_of_memory", QT_TR_NOOP(
            "Not enough memory for this run: close other programs, or run it on a smaller area."),
            kind=FAILURE)
    path = path or getattr(error, "filename", None) or ""
    number = getattr(error, "errno", None)
    if number in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        if not path:
            return NeveError("disk_full", QT_TR_NOOP("Could not write a file: no space left on device."),
                             kind=FAILURE, file=path)
        return NeveError("disk_full", QT_TR_NOOP("Could not write {file}: no space left on device."),
                         kind=FAILURE, file=path)
    if number in (errno.EACCES, errno.EPERM, errno.EROFS):
        if not path:
            return NeveError("not_writable", QT_TR_NOOP("Could not write a file: permission denied (the folder "
                                                        "is read-only or belongs to someone else)."),
                             kind=FAILURE, file=path)
        return NeveError("not_writable", QT_TR_NOOP("Could not write {file}: permission denied (the folder is "
                                                    "read-only or belongs to someone else)."),
                         kind=FAILURE, file=path)
    return NeveError("system_error", QT_TR_NOOP("{file}: {error}"), kind=FAILURE, file=path,
                     error=getattr(error, "strerror", None) or str(error))

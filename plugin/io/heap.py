"""The C library's allocator while a job runs: :func:`steady_heap`.

A job streams a whole raster through arrays of a few to a few tens of megabytes, made and freed strip after
strip by several threads. With glibc's default settings an array above the mmap threshold (128 kB at first,
raised by glibc up to 32 MB as large blocks are freed) gets fresh pages from the system, and freed memory
above the trim threshold is given back at once: every strip then pays page faults again, which cost the
system time (measured on the project's machine, a virtual machine where a page fault is dear: a fifth to a
third of a snow map's or a refined cloud mask's processor time was spent in the kernel, 250,000 faults for
a 630 MB process). During a job the thresholds are raised, so that freed arrays are reused from the heap;
afterwards they are left where glibc's own rule takes them (32 MB and twice that) and the memory freed is
given back (``malloc_trim``). Elsewhere than glibc (Windows, macOS) nothing changes.
"""
import contextlib
import ctypes
import ctypes.util
import threading

# mallopt parameters of glibc's malloc.h
M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3
#: During a job: arrays up to this size come from the heap, which keeps up to TRIM_THRESHOLD_DURING freed.
MMAP_THRESHOLD_DURING = 64 * 2 ** 20
TRIM_THRESHOLD_DURING = 256 * 2 ** 20
#: After a job: where glibc's dynamic thresholds end up by themselves (``DEFAULT_MMAP_THRESHOLD_MAX`` on
#: 64-bit systems and twice it).
MMAP_THRESHOLD_AFTER = 32 * 2 ** 20
TRIM_THRESHOLD_AFTER = 64 * 2 ** 20

_LOCK = threading.Lock()
_ACTIVE = [0]           # jobs running in this process (the settings are the process's)
_LIBC = []


def _libc():
    """glibc, or None (another C library: nothing to set)."""
    if not _LIBC:
        library = None
        try:
            name = ctypes.util.find_library("c")
            candidate = ctypes.CDLL(name) if name else None
            if candidate is not None and hasattr(candidate, "mallopt") and hasattr(candidate, "malloc_trim"):
                candidate.mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
                candidate.malloc_trim.argtypes = (ctypes.c_size_t,)
                library = candidate
        except (OSError, AttributeError):
            library = None
        _LIBC.append(library)
    return _LIBC[0]


@contextlib.contextmanager
def steady_heap():
    """Raise glibc's mmap and trim thresholds while the block runs (the first of overlapping jobs sets
    them, the last one leaves them at glibc's own upper values and gives the freed memory back)."""
    libc = _libc()
    if libc is None:
        yield
        return
    with _LOCK:
        _ACTIVE[0] += 1
        if _ACTIVE[0] == 1:
            libc.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_DURING)
            libc.mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD_DURING)
    try:
        yield
    finally:
        with _LOCK:
            _ACTIVE[0] -= 1
            if _ACTIVE[0] == 0:
                libc.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_AFTER)
                libc.mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD_AFTER)
                libc.malloc_trim(0)

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

numpy asks the kernel for transparent huge pages for every array of 4 MB or more (``madvise``). Where the
kernel honours that request only by compacting memory on the spot (``transparent_hugepage/defrag`` set to
"madvise", Debian's default), a first touch of fresh memory cost 0.1 to 2 ms a megabyte on the project's
machine depending on what the kernel had at hand, against a steady 0.4 ms with ordinary pages: a snow map
keeps 330 MB between its sweeps. During a job numpy's request is turned off (and restored afterwards).
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
_HUGEPAGES = [None]     # numpy's setting before the first job


def _numpy_hugepages(enabled):
    """Turn numpy's huge-page request on or off; returns the previous setting (None: not available)."""
    try:
        from numpy.core.multiarray import _set_madvise_hugepage
    except ImportError:
        try:
            from numpy._core.multiarray import _set_madvise_hugepage
        except ImportError:
            return None
    return bool(_set_madvise_hugepage(bool(enabled)))


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
    """Raise glibc's mmap and trim thresholds and turn numpy's huge-page request off while the block runs
    (the first of overlapping jobs sets them, the last one leaves glibc's thresholds at its own upper
    values, gives the freed memory back and restores numpy's setting)."""
    libc = _libc()
    with _LOCK:
        _ACTIVE[0] += 1
        if _ACTIVE[0] == 1:
            _HUGEPAGES[0] = _numpy_hugepages(False)
            if libc is not None:
                libc.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_DURING)
                libc.mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD_DURING)
    try:
        yield
    finally:
        with _LOCK:
            _ACTIVE[0] -= 1
            if _ACTIVE[0] == 0:
                if _HUGEPAGES[0] is not None:
                    _numpy_hugepages(_HUGEPAGES[0])
                if libc is not None:
                    libc.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_AFTER)
                    libc.mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD_AFTER)
                    libc.malloc_trim(0)

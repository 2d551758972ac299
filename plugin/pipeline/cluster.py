"""The Dask side of an archive run (``pipeline/archive.py``): connecting to a scheduler or starting a local
cluster, and making a worker process run its tasks on one core.

A local cluster is ``LocalCluster(n_workers=N, threads_per_worker=1, processes=True)`` on 127.0.0.1, its
worker processes spawned with this process's ``sys.path`` (so that they import this ``neve``) and a Python
interpreter even inside QGIS. A remote scheduler's workers are the user's: started with
``dask worker ADDRESS --nthreads 1`` where ``pip install ".[archive]"`` installed Névé. Dask is imported
only inside the functions.
"""
import contextlib
import os
import socket
import sys

from ..errors import NeveError
from ..i18n import QT_TR_NOOP, tr
from .feedback import as_feedback


# --------------------------------------------------------------------------------------------------
# In the worker processes
# --------------------------------------------------------------------------------------------------

def one_core():
    """Run the jobs of this process on one core: the snow map's strip threads and GDAL's compression
    threads down to one (a worker process is the cluster's unit of one core; the files are the same
    bytes whatever the number of threads)."""
    from ..io import raster
    from . import lis

    if getattr(lis, "THREADS", 1) != 1:
        lis.THREADS = 1
    raster.GTIFF_PROFILE["num_threads"] = 1
    os.environ["GDAL_NUM_THREADS"] = "1"
    heap_for_strips()


_HEAP_TUNED = []


def heap_for_strips():
    """Keep the strips' arrays (a few MB each, allocated and freed strip after strip) on the C heap of
    this process. A Dask nanny starts its worker with ``MALLOC_TRIM_THRESHOLD_=65536``, which also stops
    glibc from raising its mmap threshold: every array then costs fresh zeroed pages from the system, and
    a snow map takes 2.5 times as long (measured). Here the thresholds are set to what glibc would reach
    by itself (32 MB arrays from the heap, 64 MB kept before trimming). Nothing on other C libraries."""
    if _HEAP_TUNED or not sys.platform.startswith("linux"):
        return
    _HEAP_TUNED.append(True)
    try:
        import ctypes

        libc = ctypes.CDLL(None)
        m_trim_threshold, m_mmap_threshold = -1, -3
        libc.mallopt(m_mmap_threshold, 32 * 2 ** 20)
        libc.mallopt(m_trim_threshold, 64 * 2 ** 20)
    except (OSError, AttributeError):  # not glibc
        pass


def worker_identity():
    try:
        from distributed import get_worker

        address = get_worker().address
    except (ImportError, ValueError):
        address = None
    return {"worker": address, "host": socket.gethostname(), "pid": os.getpid()}


def peak_mb():
    try:
        import resource

        return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0, 1)
    except ImportError:  # pragma: no cover - not on Linux/macOS
        return None


# --------------------------------------------------------------------------------------------------
# The cluster
# --------------------------------------------------------------------------------------------------

def worker_count(workers):
    return int(workers) if workers and int(workers) > 0 else (os.cpu_count() or 1)


@contextlib.contextmanager
def worker_interpreter():
    """Spawned worker processes run a Python interpreter even when this process is not one (QGIS's
    ``sys.executable`` is the QGIS program): the interpreter beside the Python library in use."""
    import multiprocessing

    executable = sys.executable or ""
    if os.path.basename(executable).lower().startswith("python"):
        yield
        return
    version = "python{}.{}".format(*sys.version_info[:2])
    candidates = [os.path.join(sys.exec_prefix, "bin", version), os.path.join(sys.exec_prefix, "bin", "python3"),
                  os.path.join(sys.exec_prefix, "python.exe"), os.path.join(sys.exec_prefix, "python3.exe")]
    python = next((c for c in candidates if os.path.isfile(c)), None)
    if python is None:
        yield
        return
    multiprocessing.set_executable(python)
    try:
        yield
    finally:
        multiprocessing.set_executable(executable)


@contextlib.contextmanager
def connect(scheduler="", workers=0, feedback=None):
    """A ``distributed.Client``: of the scheduler at ``scheduler`` (an address, or the file written by
    ``dask scheduler --scheduler-file``; its workers are not stopped), or of a local cluster of ``workers`` processes (one thread each) started here and stopped at the end."""
    import logging

    import dask
    from distributed import Client, LocalCluster

    feedback = as_feedback(feedback)
    if scheduler:
        try:
            if os.path.isfile(scheduler):  # a scheduler file (dask scheduler --scheduler-file)
                client = Client(scheduler_file=scheduler, timeout="20s")
            else:
                client = Client(scheduler, timeout="20s")
        except (OSError, TimeoutError) as error:
            raise NeveError("no_scheduler", QT_TR_NOOP("Could not reach the Dask scheduler at {address}: {error}"),
                            address=scheduler, error=str(error) or type(error).__name__) from None
        try:
            feedback.info(tr("Dask scheduler {address}: {workers} workers.").format(
                address=scheduler, workers=len(client.scheduler_info().get("workers", {}))))
            yield client
        finally:
            client.close()
        return
    count = worker_count(workers)
    # the package's folder on the workers' path (they also get this process's sys.path when spawned)
    package_parent = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    python_path = os.pathsep.join(p for p in (package_parent, os.environ.get("PYTHONPATH")) if p)
    # no MALLOC_TRIM_THRESHOLD_ for the workers (nor in this process's environment): see heap_for_strips
    with worker_interpreter(), dask.config.set({"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None}):
        cluster = LocalCluster(n_workers=count, threads_per_worker=1, processes=True, host="127.0.0.1",
                               dashboard_address=None, silence_logs=logging.ERROR,
                               env={"PYTHONPATH": python_path, "GDAL_NUM_THREADS": "1"})
        try:
            client = Client(cluster)
            try:
                feedback.info(tr("Local Dask cluster: {workers} worker processes of one thread.").format(
                    workers=count))
                yield client
            finally:
                client.close()
        finally:
            cluster.close()

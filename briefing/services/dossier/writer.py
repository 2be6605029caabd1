"""Writing a dossier to disk safely.

The PDF is rendered in memory first, then written to a temporary file in the target
folder, flushed to disk and renamed over the target (``os.replace`` is atomic on one
file system).  A failed export therefore leaves an existing file untouched and no
partial file behind, and every failure is a :class:`DossierError` in plain words.
"""

from __future__ import annotations

import errno
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from briefing.domain import AssembledBriefing

from .errors import DossierError
from .renderer import DossierRenderer, Progress


@dataclass(frozen=True)
class Written:
    """What :func:`write_dossier` wrote."""

    path: Path  # absolute
    pages: int
    size: int  # bytes
    page_size: str  # "A4" or "Letter"


def write_pdf(assembled: AssembledBriefing, path: str | os.PathLike, page_size: str = "A4",
              progress: Progress | None = None) -> Path:
    """Render *assembled* and write it to *path*; returns the absolute path written."""
    return write_dossier(assembled, path, page_size, progress).path


def write_dossier(assembled: AssembledBriefing, path: str | os.PathLike, page_size: str = "A4",
                  progress: Progress | None = None) -> Written:
    """Like :func:`write_pdf`, returning the path, page count and size."""
    target = Path(path).expanduser().absolute()
    _check_target(target)
    renderer = DossierRenderer(assembled, page_size, progress)
    data = renderer.render()
    _replace_atomically(target, data)
    return Written(target, renderer.page_count, len(data), renderer.layout.name)


def _check_target(target: Path) -> None:
    folder = target.parent
    if target.is_dir():
        raise DossierError(f"{target} is a folder; choose a file name for the PDF")
    if not folder.is_dir():
        raise DossierError(f"The folder {folder} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise DossierError(f"Cannot write to the folder {folder}: permission denied")


def _replace_atomically(target: Path, data: bytes) -> None:
    folder = target.parent
    mode = _mode_for(target)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise _plain_error(exc, target) from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _plain_error(exc, target) from exc
        raise
    _sync_folder(folder)


def _mode_for(target: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual umask ones."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    """The process umask, read without changing it (``os.umask`` is not thread-safe)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022


def _sync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _plain_error(exc: OSError, target: Path) -> DossierError:
    code = exc.errno
    if code in (errno.ENOSPC, errno.EDQUOT):
        return DossierError(f"The disk is full: could not write {target} (the previous file,"
                            " if any, is unchanged)")
    if code in (errno.EACCES, errno.EPERM):
        return DossierError(f"Cannot write {target}: permission denied")
    if code == errno.EROFS:
        return DossierError(f"Cannot write {target}: the disk is read-only")
    if code == errno.ENAMETOOLONG:
        return DossierError(f"Cannot write {target}: the file name is too long")
    reason = exc.strerror or str(exc)
    return DossierError(f"Could not write {target}: {reason}")

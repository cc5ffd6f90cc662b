"""The embedded broker: kombu's filesystem transport, safe with many writers and readers.

kombu's own `_put` creates the message file and then writes it, so a worker polling the folder
can take the file while it is still empty and fail to decode it (seen in the ingest benchmark:
the fetch worker died). Here a message is written under a name no reader looks at and renamed
into place, which is atomic on one filesystem. Registered as the `embedded://` broker URL.

kombu's reader also lists and sorts the whole folder for every message it takes, every queue's
messages together: with thousands waiting for the analyse worker (the default pipeline queues a
source search per claim), each fetch worker's poll, fifty a second, sorted them all to find none
of its own. Here each queue has its own folder, and a reader takes the names it listed in order
before it lists again.
"""

import os
import shutil
import tempfile
import uuid
from pathlib import Path
from time import monotonic_ns

from kombu.exceptions import ChannelError
from kombu.transport import TRANSPORT_ALIASES, filesystem, virtual
from kombu.utils.encoding import bytes_to_str, str_to_bytes
from kombu.utils.json import dumps, loads

SCHEME = "embedded"
FOLDERS = ("queue", "processed", "control")


class Channel(filesystem.Channel):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._listed: dict[str, list[str]] = {}  # queue: names listed and not yet taken

    def _queue_folder(self, folder: str, queue: str) -> str:
        path = os.path.join(folder, queue.replace(os.sep, "_"))
        os.makedirs(path, exist_ok=True)
        return path

    def _put(self, queue: str, payload: dict, **kwargs) -> None:
        """Put a message onto `queue`; readers only ever see it whole."""
        name = f"{monotonic_ns():020d}_{uuid.uuid4()}.{queue}.msg"  # names sort oldest first
        final = os.path.join(self._queue_folder(self.data_folder_out, queue), name)
        partial = f"{final}.partial"  # readers take only names ending in ".msg"
        try:
            with open(partial, "wb") as handle:
                handle.write(str_to_bytes(dumps(payload)))
            os.replace(partial, final)
        except OSError as exc:
            raise ChannelError(f"Cannot add file {final!r} to directory") from exc

    def _get(self, queue: str) -> dict:
        """The oldest message of `queue` this reader has not seen taken (another reader may take
        a listed one first: it is skipped)."""
        folder = self._queue_folder(self.data_folder_in, queue)
        listed = self._listed.get(folder)
        for fresh in [False, True] if listed else [True]:
            if fresh:
                listed = self._listed[folder] = self._list(folder, queue)
            while listed:
                payload = self._take(os.path.join(folder, listed.pop(0)))
                if payload is not None:
                    return payload
        raise virtual.Empty()

    def _list(self, folder: str, queue: str) -> list[str]:
        """The queue's message names, oldest first. Messages an earlier version wrote beside
        the queue folders are moved in first."""
        suffix = f".{queue}.msg"
        for name in os.listdir(self.data_folder_in):
            if name.endswith(suffix):
                try:
                    os.replace(os.path.join(self.data_folder_in, name), os.path.join(folder, name))
                except OSError:  # taken by another reader meanwhile
                    continue
        return sorted(n for n in os.listdir(folder) if n.endswith(".msg"))

    def _take(self, path: str) -> dict | None:
        """Move a message file out of the queue and read it; None when another reader took it."""
        target = self.processed_folder if self.store_processed else tempfile.gettempdir()
        try:
            moved = shutil.move(path, target)
        except OSError:
            return None
        try:
            with open(moved, "rb") as handle:
                payload = handle.read()
            if not self.store_processed:
                os.remove(moved)
        except OSError as exc:
            raise ChannelError(f"Cannot read file {moved!r} from queue.") from exc
        return loads(bytes_to_str(payload))

    def _size(self, queue: str) -> int:
        folder = self._queue_folder(self.data_folder_in, queue)
        return sum(1 for n in os.listdir(folder) if n.endswith(".msg"))

    def _purge(self, queue: str) -> int:
        folder = self._queue_folder(self.data_folder_in, queue)
        count = 0
        for name in os.listdir(folder):
            if name.endswith(".msg"):
                try:
                    os.remove(os.path.join(folder, name))
                    count += 1
                except OSError:  # taken by a reader meanwhile
                    continue
        self._listed.pop(folder, None)
        return count


class Transport(filesystem.Transport):
    Channel = Channel
    driver_type = driver_name = SCHEME


def register() -> None:
    """Make `embedded://` broker URLs use this transport (in every process that imports Celery)."""
    TRANSPORT_ALIASES.setdefault(SCHEME, "workbench.broker:Transport")


def folder_options(root: Path, *, polling_interval: float) -> dict[str, object]:
    """Transport options for the embedded broker kept under root; its folders are created.

    kombu's filesystem transport: in and out must be the same folder, created before start.
    """
    for name in FOLDERS:
        (root / name).mkdir(parents=True, exist_ok=True)
    return {
        "data_folder_in": str(root / "queue"),
        "data_folder_out": str(root / "queue"),
        "processed_folder": str(root / "processed"),
        "control_folder": str(root / "control"),
        "store_processed": False,
        "polling_interval": polling_interval,
    }

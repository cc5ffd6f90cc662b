"""The embedded broker: kombu's filesystem transport, safe with many writers and readers.

kombu's own `_put` creates the message file and then writes it, so a worker polling the folder
can take the file while it is still empty and fail to decode it (seen in the ingest benchmark:
the fetch worker died). Here a message is written under a name no reader looks at and renamed
into place, which is atomic on one filesystem. Registered as the `embedded://` broker URL.
"""

import os
import uuid
from pathlib import Path
from time import monotonic

from kombu.exceptions import ChannelError
from kombu.transport import TRANSPORT_ALIASES, filesystem
from kombu.utils.encoding import str_to_bytes
from kombu.utils.json import dumps

SCHEME = "embedded"
FOLDERS = ("queue", "processed", "control")


class Channel(filesystem.Channel):
    def _put(self, queue: str, payload: dict, **kwargs) -> None:
        """Put a message onto `queue`; readers only ever see it whole."""
        name = f"{round(monotonic() * 1000)}_{uuid.uuid4()}.{queue}.msg"
        final = os.path.join(self.data_folder_out, name)
        partial = f"{final}.partial"  # readers take only names ending in ".<queue>.msg"
        try:
            with open(partial, "wb") as handle:
                handle.write(str_to_bytes(dumps(payload)))
            os.replace(partial, final)
        except OSError as exc:
            raise ChannelError(f"Cannot add file {final!r} to directory") from exc


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

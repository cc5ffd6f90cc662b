"""The embedded broker hands over every message whole while writers and readers race."""

import threading
import uuid

from kombu import Connection

from workbench import broker

MESSAGES = 400


def connection(folder) -> Connection:
    options = {
        "data_folder_in": str(folder),
        "data_folder_out": str(folder),
        "control_folder": str(folder / "control"),
        "polling_interval": 0.001,
    }
    return Connection(f"{broker.SCHEME}://", transport_options=options)


def test_a_reader_racing_writers_gets_every_message_whole(tmp_path):
    (tmp_path / "control").mkdir()
    received: list[dict] = []
    errors: list[Exception] = []

    def read() -> None:
        with connection(tmp_path) as conn, conn.SimpleQueue("race") as queue:
            while len(received) < MESSAGES:
                try:
                    message = queue.get(timeout=10)
                except Exception as exc:  # noqa: BLE001 - any failure to decode is what we look for
                    errors.append(exc)
                    return
                received.append(message.payload)
                message.ack()

    def write(start: int) -> None:
        with connection(tmp_path) as conn, conn.SimpleQueue("race") as queue:
            for n in range(start, start + MESSAGES // 4):
                queue.put({"n": n, "body": "x" * 2000})

    with connection(tmp_path) as conn, conn.SimpleQueue("race"):
        pass  # declare the queue and its binding once, before the race
    reader = threading.Thread(target=read)
    writers = [threading.Thread(target=write, args=(k * MESSAGES // 4,)) for k in range(4)]
    reader.start()
    for writer in writers:
        writer.start()
    for thread in [*writers, reader]:
        thread.join(timeout=60)

    assert errors == [], len(received)
    assert sorted(m["n"] for m in received) == list(range(MESSAGES))
    assert all(m["body"] == "x" * 2000 for m in received)
    assert not list(tmp_path.glob("*.partial"))


def test_the_workbench_broker_url_uses_the_safe_transport():
    broker.register()
    assert Connection(f"{broker.SCHEME}://").transport.Channel is broker.Channel


def test_a_queue_is_read_oldest_first_from_its_own_folder(tmp_path):
    (tmp_path / "control").mkdir()
    # Queue names of their own: kombu remembers declared queues across connections.
    many, few = f"many-{uuid.uuid4()}", f"few-{uuid.uuid4()}"
    with connection(tmp_path) as conn:
        with conn.SimpleQueue(many) as analyse:
            for n in range(300):
                analyse.put({"n": n})
        with conn.SimpleQueue(few) as fetch:
            fetch.put({"n": "fetch"})
            # The second queue's reader lists only its own folder, not the 300 others.
            assert len(list((tmp_path / few).iterdir())) == 1
            assert taken(fetch) == {"n": "fetch"}
        with conn.SimpleQueue(many) as analyse:
            assert [taken(analyse)["n"] for _ in range(300)] == list(range(300))
    assert not list(tmp_path.rglob("*.msg"))


def taken(queue) -> dict:
    message = queue.get(timeout=1)
    message.ack()
    return message.payload


def test_messages_an_earlier_version_wrote_beside_the_queue_folders_are_read(tmp_path):
    (tmp_path / "control").mkdir()
    name = f"legacy-{uuid.uuid4()}"
    with connection(tmp_path) as conn, conn.SimpleQueue(name) as legacy:
        legacy.put({"n": "old"})
        old = next((tmp_path / name).iterdir())
        old.rename(tmp_path / old.name)  # where kombu's own transport keeps every queue's
        assert taken(legacy) == {"n": "old"}

"""Requests sent at the same moment, as a double click or two tabs send them (for the
PostgreSQL tests of row locks: SQLite serialises every write)."""

import threading

from django.db import connections


def at_once(*actions):
    """Run each action in its own thread, released together; their results in order.
    Each thread closes its own database connection, as a finished request does."""
    start = threading.Barrier(len(actions))
    results = [None] * len(actions)
    errors = []

    def run(index, action):
        try:
            start.wait()
            results[index] = action()
        except Exception as error:  # noqa: BLE001 - raised below, in the test's thread
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=item) for item in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
    return results


def same_browser(client):
    """A second tab of the browser `client` is: its cookies, its own connection."""
    tab = client.__class__(HTTP_HOST="localhost")
    tab.cookies = client.cookies
    return tab

"""Sends N of each test task (add, boom, flaky) and prints their ids as `name id`, one a line.

Usage: python3 send.py [N]   (broker from CELERY_BROKER_URL, as tasks.py)
"""
import sys

import tasks


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    for n in range(count):
        for name, result in (
            ("add", tasks.add.delay(n, 1)),
            ("boom", tasks.boom.delay()),
            ("flaky", tasks.flaky.delay()),
        ):
            print(name, result.id, flush=True)


if __name__ == "__main__":
    main()

"""A Celery test app for Switchyard's fan-out agents: tasks that succeed, fail and retry, with every event on.

Configured from the environment so a test can point it at its private broker:
  CELERY_BROKER_URL     the broker (default amqp://guest:guest@127.0.0.1:5672//)
  CELERY_EVENT_EXCHANGE the event exchange (default celeryev)
  CELERY_RETRY_COUNTDOWN seconds before a retried task runs again (default 0.2)
"""
import os

from celery import Celery

app = Celery("tasks", broker=os.environ.get("CELERY_BROKER_URL", "amqp://guest:guest@127.0.0.1:5672//"))
app.conf.update(
    # Both switches are needed to see a task's whole life: task-sent comes from the client, the rest from the worker.
    task_send_sent_event=True,
    worker_send_task_events=True,
    event_exchange=os.environ.get("CELERY_EVENT_EXCHANGE", "celeryev"),
    # No result backend: the test learns what happened from the events themselves.
    task_ignore_result=True,
    broker_connection_retry_on_startup=True,
)

RETRY_COUNTDOWN = float(os.environ.get("CELERY_RETRY_COUNTDOWN", "0.2"))


@app.task
def add(x, y):
    return x + y


@app.task
def boom():
    raise ZeroDivisionError("boom")


@app.task(bind=True, max_retries=2)
def flaky(self):
    # Fails on the first two runs (two task-retried events), then succeeds on the third.
    if self.request.retries < 2:
        raise self.retry(exc=RuntimeError(f"flaky attempt {self.request.retries + 1}"), countdown=RETRY_COUNTDOWN)
    return "recovered"

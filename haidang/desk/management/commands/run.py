"""`haidang run`: gunicorn and one Huey consumer as child processes, stopped cleanly together."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Serve the web app (gunicorn) with one Huey consumer; Ctrl-C or SIGTERM stops both."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", 8000)))
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--web-workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", 2)))
        parser.add_argument("--no-worker", action="store_true", help="do not start the Huey consumer")

    def handle(self, *args, **options):
        from haidang.agencies.demo import ADMIN_PASSWORD, ADMIN_USERNAME, DEMO_PASSWORD, username_for

        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "haidang.settings"}
        bind = f"{options['host']}:{options['port']}"
        web = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "haidang.wsgi:application", "--bind", bind,
             "--workers", str(options["web_workers"]), "--threads", "4", "--timeout", "120",
             "--graceful-timeout", "10", "--access-logfile", "-"],
            env=env,
        )
        children = [web]
        if not options["no_worker"]:
            worker = subprocess.Popen(
                [sys.executable, "-m", "django", "run_huey", "--workers",
                 str(settings.HUEY.get("consumer", {}).get("workers", 2)), "--worker-type", "thread"],
                env=env,
            )
            children.append(worker)

        url = f"http://{bind}/"
        self.stdout.write(f"Hải Đăng is running at {url}")
        self.stdout.write(f"  admin: {ADMIN_USERNAME} / {ADMIN_PASSWORD}")
        self.stdout.write(f"  demo officers: {username_for('STTTT', 'coordinator')}, "
                          f"{username_for('STTTT', 'leader')}, {username_for('SYT', 'officer')}, … / {DEMO_PASSWORD}")
        self.stdout.write("  Ctrl-C to stop")
        self.stdout.flush()

        stopping = {"flag": False}

        def stop(signum, frame):
            stopping["flag"] = True

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        try:
            while not stopping["flag"]:
                if any(child.poll() is not None for child in children):
                    self.stderr.write("a child process exited; stopping")
                    break
                time.sleep(0.3)
        finally:
            for child in children:
                if child.poll() is None:
                    child.send_signal(signal.SIGTERM)
            deadline = time.monotonic() + 15
            for child in children:
                try:
                    child.wait(timeout=max(0.1, deadline - time.monotonic()))
                except subprocess.TimeoutExpired:
                    child.kill()
            self.stdout.write("stopped")

"""A throw-away Sala: temporary data dir, demo data, collected static files, gunicorn.

Everything runs in a temporary SALA_DATA_DIR so a bench never touches ./var, and
gunicorn runs in its own process group so it (and every worker) is stopped on any exit.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

HOST = "127.0.0.1"
BIN = Path(sys.executable).parent
NOT_INHERITED = {"DATABASE_URL", "REDIS_URL", "SALA_STATICFILES_STORAGE", "SALA_DEBUG"}


@dataclass(frozen=True)
class GunicornConfig:
    """What a production deploy on this machine would run (see README for the choice)."""

    workers: int = 2 * len(os.sched_getaffinity(0))
    worker_class: str = "gthread"
    threads: int = 2
    extra: tuple[str, ...] = ()


@dataclass
class Server:
    """A running gunicorn over a prepared data dir; use as a context manager."""

    gunicorn: GunicornConfig = field(default_factory=GunicornConfig)
    keep_data: bool = False
    extra_env: dict[str, str] = field(default_factory=dict)  # e.g. a PostgreSQL DATABASE_URL
    data_dir: Path = field(init=False)
    port: int = field(init=False, default=0)
    proc: subprocess.Popen[bytes] | None = field(init=False, default=None)
    _tmp: tempfile.TemporaryDirectory[str] | None = field(init=False, default=None)

    @property
    def base_url(self) -> str:
        return f"http://{HOST}:{self.port}"

    @property
    def log_path(self) -> Path:
        return self.data_dir / "gunicorn.log"

    def env(self) -> dict[str, str]:
        """Production settings on throw-away data: no real database, cache or dev storage
        (unless a scenario gives its own throw-away ones in `extra_env`)."""
        env = {k: v for k, v in os.environ.items() if k not in NOT_INHERITED}
        env.update(SALA_DATA_DIR=str(self.data_dir), SALA_DEBUG="0", SALA_ALLOWED_HOSTS=HOST)
        env.update(self.extra_env)
        return env

    def __enter__(self) -> Server:
        self._tmp = tempfile.TemporaryDirectory(prefix="sala-bench-")
        self.data_dir = Path(self._tmp.name)
        try:
            self.prepare()
            self.start()
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            self.stop()
        finally:
            if self._tmp is not None:
                if self.keep_data:
                    print(f"kept data dir {self.data_dir}", file=sys.stderr)
                else:
                    self._tmp.cleanup()
                self._tmp = None

    def manage(self, *args: str) -> str:
        """Run `sala <args>`; on failure show its output, since that is the only clue."""
        done = subprocess.run(
            [str(BIN / "sala"), *args],
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        if done.returncode:
            raise RuntimeError(f"sala {' '.join(args)} failed:\n{done.stdout}{done.stderr}")
        return done.stdout

    def prepare(self) -> None:
        t0 = time.monotonic()
        for command in (["migrate", "--noinput"], ["load_demo"], ["collectstatic", "--noinput"]):
            print(f"setup: sala {' '.join(command)}", flush=True)
            self.manage(*command)
        print(f"setup: done in {time.monotonic() - t0:.1f}s ({self.data_dir})", flush=True)

    def start(self, ready_timeout: float = 30.0) -> None:
        self.port = free_port()
        cfg = self.gunicorn
        cmd = [
            str(BIN / "gunicorn"),
            "sala.wsgi",
            "-b",
            f"{HOST}:{self.port}",
            "-w",
            str(cfg.workers),
            "-k",
            cfg.worker_class,
            "--threads",
            str(cfg.threads),
            "--graceful-timeout",
            "5",
            "--error-logfile",
            str(self.log_path),
            *cfg.extra,
        ]
        self.proc = subprocess.Popen(
            cmd,
            env=self.env(),
            cwd=self.data_dir,
            start_new_session=True,
            preexec_fn=die_with_parent,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + ready_timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.proc.returncode}:\n{self.log()}")
            try:
                with urllib.request.urlopen(f"{self.base_url}/healthz/", timeout=2) as r:
                    if r.status == 200:
                        print(f"gunicorn ready at {self.base_url}", flush=True)
                        return
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"gunicorn not healthy after {ready_timeout}s:\n{self.log()}")

    def stop(self) -> None:
        """SIGTERM the group (gunicorn stops its workers), SIGKILL it if still alive after 10 s."""
        proc, self.proc = self.proc, None
        if proc is None or proc.poll() is not None:
            return
        pgid = proc.pid  # start_new_session made gunicorn its group leader
        try:
            os.killpg(pgid, signal.SIGTERM)
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(pgid, signal.SIGKILL)
            proc.wait(timeout=5)
        except ProcessLookupError:
            pass

    def log(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-4000:]
        except OSError:
            return "(no gunicorn log)"

    def save_log(self, dest: Path) -> None:
        if self.log_path.exists():
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(self.log_path, dest)


def die_with_parent() -> None:
    """In the child: SIGTERM gunicorn if the harness dies without cleaning up (kill -9)."""
    pr_set_pdeathsig = 1
    ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])

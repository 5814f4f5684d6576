"""Find and drive the local Kafka script (deploy/kafka/kafka.sh) of a source checkout."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

__all__ = ["LocalBroker"]


class LocalBroker:
    """The single-node KRaft broker that ``deploy/kafka/kafka.sh`` starts on 127.0.0.1."""

    def __init__(self, script: Path) -> None:
        self.script = script

    @classmethod
    def find(cls) -> LocalBroker | None:
        """The script named by MARSAD_KAFKA_SCRIPT, else the one of the checkout Marsad runs from, else cwd's."""
        candidates = [
            os.environ.get("MARSAD_KAFKA_SCRIPT"),
            Path(__file__).resolve().parents[2] / "deploy" / "kafka" / "kafka.sh",
            Path.cwd() / "deploy" / "kafka" / "kafka.sh",
        ]
        for candidate in candidates:
            if candidate and Path(candidate).is_file():
                return cls(Path(candidate))
        return None

    def running(self) -> bool:
        return self._run("status", check=False).returncode == 0

    def start(self) -> None:
        self._run("start")

    def stop(self) -> None:
        self._run("stop", check=False)

    def _run(self, action: str, check: bool = True) -> subprocess.CompletedProcess[bytes]:
        env = {k: v for k, v in os.environ.items() if k != "KAFKA_BOOTSTRAP_SERVERS"}
        return subprocess.run(["bash", str(self.script), action], check=check, env=env)

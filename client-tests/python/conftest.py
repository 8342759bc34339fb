"""Starts the emulator's jar (EMULATOR_JAR, default emulator-server/target/sagemaker-emulator.jar) for the tests."""
import os
import pathlib
import re
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
JAR = pathlib.Path(os.environ.get("EMULATOR_JAR", ROOT / "emulator-server" / "target" / "sagemaker-emulator.jar"))


class RunningJar:
    def __init__(self, *args):
        if not JAR.is_file():
            raise RuntimeError(f"{JAR} is missing: build it first with mvn -B package -DskipTests")
        self.process = subprocess.Popen(["java", "-jar", str(JAR), "--port", "0", *args],
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for line in self.process.stdout:
            match = re.search(r"listening on (http://\S+)", line)
            if match:
                self.endpoint = match.group(1)
                return
        raise RuntimeError("the emulator did not start: " + self.process.stderr.read())

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


@pytest.fixture(scope="module")
def strict_emulator():
    """An emulator that verifies every signature and keeps its admin API behind a token."""
    jar = RunningJar("--require-signature",
                     "--credentials", "AKIDSTRICT:strict-secret,111122223333:other-secret",
                     "--accounts", "AKIDSTRICT=444455556666",
                     "--admin-token", "admin-secret",
                     "--clock", "frozen")
    yield jar
    jar.stop()

"""A minimal W3C WebDriver client (urllib only) for driving headless Chromium via chromedriver.

Just what the report test needs: start chromedriver, open a session with headless flags, navigate,
run scripts, find and click elements, read the browser console log, quit.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

ELEMENT_KEY = "element-6066-11e4-a52e-4f735466cecf"
BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
DRIVER_NAMES = ("chromedriver",)
DRIVER_PATHS = ("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver")
HEADLESS_ARGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage", "--window-size=1400,1000",
)


class WebDriverError(RuntimeError):
    """chromedriver answered with an error."""


def find_browser() -> tuple[str, str] | None:
    """Paths of a Chromium binary and its chromedriver, or None when either is missing."""
    browser = next((p for p in map(shutil.which, BROWSER_NAMES) if p), None)
    driver = next((p for p in map(shutil.which, DRIVER_NAMES) if p), None)
    driver = driver or next((p for p in DRIVER_PATHS if Path(p).is_file()), None)
    return (browser, driver) if browser and driver else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Browser:
    """One chromedriver process and one headless Chromium session."""

    def __init__(self, browser_path: str, driver_path: str, timeout: float = 30.0) -> None:
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.timeout = timeout
        self.profile = tempfile.TemporaryDirectory(prefix="newsevents-chromium-")
        self.process = subprocess.Popen(
            [driver_path, f"--port={self.port}"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        self.session: str | None = None
        try:
            self._wait_ready()
            self.session = self._new_session(browser_path)
        except Exception:
            self.close()
            raise

    # -- protocol
    def _call(self, method: str, path: str, body: Any = None) -> Any:
        data = None if body is None else json.dumps(body).encode("utf-8")
        request = urllib.request.Request(self.base + path, data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                payload = json.loads(response.read().decode("utf-8") or "{}")
        except urllib.error.HTTPError as exc:
            payload = json.loads(exc.read().decode("utf-8") or "{}")
            value = payload.get("value", {})
            raise WebDriverError(f"{method} {path}: {value.get('error')}: "
                                 f"{value.get('message', '')[:500]}") from exc
        return payload.get("value")

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            try:
                if self._call("GET", "/status").get("ready"):
                    return
            except (urllib.error.URLError, ConnectionError, OSError):
                pass
            time.sleep(0.1)
        raise WebDriverError("chromedriver did not become ready")

    def _new_session(self, browser_path: str) -> str:
        args = [*HEADLESS_ARGS, f"--user-data-dir={self.profile.name}"]
        capabilities = {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {"binary": browser_path, "args": args},
            "goog:loggingPrefs": {"browser": "ALL"},
        }}
        value = self._call("POST", "/session", {"capabilities": capabilities})
        return value["sessionId"]

    def _session_call(self, method: str, path: str, body: Any = None) -> Any:
        return self._call(method, f"/session/{self.session}{path}", body)

    # -- commands
    def get(self, url: str) -> None:
        self._session_call("POST", "/url", {"url": url})

    def execute(self, script: str, *args: Any) -> Any:
        """Run `script` (a function body; `arguments` holds args) and return its result."""
        return self._session_call("POST", "/execute/sync", {"script": script, "args": list(args)})

    def find_all(self, css: str) -> list[dict[str, str]]:
        return self._session_call("POST", "/elements", {"using": "css selector", "value": css})

    def find(self, css: str) -> dict[str, str]:
        return self._session_call("POST", "/element", {"using": "css selector", "value": css})

    def click(self, element: dict[str, str]) -> None:
        self._session_call("POST", f"/element/{element[ELEMENT_KEY]}/click", {})

    def text(self, element: dict[str, str]) -> str:
        return self._session_call("GET", f"/element/{element[ELEMENT_KEY]}/text")

    def console_log(self) -> list[dict[str, Any]] | None:
        """Browser console entries since the last call; None if chromedriver cannot tell."""
        try:
            return self._session_call("POST", "/se/log", {"type": "browser"})
        except WebDriverError:
            return None

    def wait_for(self, script: str, timeout: float = 10.0) -> Any:
        """Poll `script` until it returns something truthy; return that value."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.execute(script)
            if value or time.monotonic() > deadline:
                return value
            time.sleep(0.05)

    def close(self) -> None:
        if self.session is not None:
            with contextlib.suppress(WebDriverError, urllib.error.URLError, OSError):
                self._call("DELETE", f"/session/{self.session}")
            self.session = None
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.profile.cleanup()

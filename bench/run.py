"""Benchmark the platform home, a public coalition page and the member home against a bare view.

``make bench`` (or ``.venv/bin/python bench/run.py``) migrates, seeds and collects static files
into ``var/bench/``, starts gunicorn on a free loopback port, logs the seeded member in
through the real login form, and drives each page with wrk at 20 connections. It prints
requests per second, latency percentiles and each page's throughput as a share of the bare
view's, and writes the figures to ``bench/results/latest.json``. See bench/README.md.

Only the standard library is used here; Django runs in the child processes.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from http.cookies import SimpleCookie
from pathlib import Path
from types import FrameType
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "bench"
VAR_DIR = ROOT / "var" / "bench"
RESULTS_DIR = BENCH_DIR / "results"
LUA_SCRIPT = BENCH_DIR / "wrk_report.lua"
HOST = "127.0.0.1"

# Same shape as `make run` (weerbaar/dev/management/commands/serve.py): one process per core,
# so two requests really run in parallel despite the GIL, and four threads per process to
# overlap the short waits on SQLite and the socket. More threads would only queue on the GIL.
WORKERS = 2
THREADS = 4

TARGET_RATIO = 0.5  # each page at least half the bare view's requests per second
TARGET_P95_MS = 50.0

SETUP_TIMEOUT_S = 600
READY_TIMEOUT_S = 30
REQUEST_TIMEOUT_S = 10


class BenchError(Exception):
    pass


@dataclass(frozen=True)
class Page:
    key: str
    label: str
    path: str
    authenticated: bool = False
    reference: bool = False  # measured for comparison only; no target
    # A string the real page contains, so a redirect or error page is never measured instead.
    expect: str = ""


@dataclass
class Measurement:
    requests_per_s: float
    p50_ms: float
    p90_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float
    requests: int
    errors: dict[str, int]
    # CPU time gunicorn (master and workers) spent per request: steadier than req/s when other
    # work shares the machine. None where /proc is unavailable.
    server_cpu_ms: float | None = None


@dataclass
class PageResult:
    key: str
    label: str
    path: str
    rounds: list[Measurement] = field(default_factory=list)

    reference: bool = False

    def median(self, name: str) -> float:
        return statistics.median(float(getattr(m, name)) for m in self.rounds)

    def cpu_ms(self) -> float | None:
        values = [m.server_cpu_ms for m in self.rounds if m.server_cpu_ms is not None]
        return statistics.median(values) if values else None


def bench_environment(settings_module: str, redis_url: str = "") -> dict[str, str]:
    """The child processes' environment: bench database, production-like, loopback only."""
    env = dict(os.environ)
    # Never the developer's own database or queue, whatever the shell exports.
    for name in ("DATABASE_URL", "REDIS_URL", "SITE_URL", "CSRF_TRUSTED_ORIGINS", "OIDC_ENABLED"):
        env.pop(name, None)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": settings_module,
            "WEERBAAR_VAR_DIR": str(VAR_DIR),
            # Production mode would redirect wrk's plain HTTP to HTTPS (see bench/settings.py).
            "WEERBAAR_ENVIRONMENT": "development",
            "DEBUG": "false",
            "ALLOWED_HOSTS": HOST,
            "LOG_LEVEL": "WARNING",
            "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")])),
        }
    )
    if redis_url:  # --redis: the production shape, with sessions and the cache in Redis
        env["REDIS_URL"] = redis_url
    return env


def run_step(args: list[str], env: dict[str, str], what: str) -> str:
    print(f"· {what}", flush=True)
    done = subprocess.run(
        args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=SETUP_TIMEOUT_S
    )
    if done.returncode != 0:
        raise BenchError(f"{what} failed:\n{done.stdout}{done.stderr}")
    return done.stdout


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def request(
    port: int,
    method: str,
    path: str,
    *,
    cookies: dict[str, str] | None = None,
    body: dict[str, str] | None = None,
) -> tuple[int, dict[str, str], SimpleCookie, str]:
    """One HTTP request to the bench server: status, headers, cookies set, body text."""
    connection = http.client.HTTPConnection(HOST, port, timeout=REQUEST_TIMEOUT_S)
    headers = {"Host": HOST}
    if cookies:
        headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    payload = None
    if body is not None:
        payload = urlencode(body)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    try:
        connection.request(method, path, body=payload, headers=headers)
        response = connection.getresponse()
        text = response.read().decode("utf-8", "replace")
        jar: SimpleCookie = SimpleCookie()
        for header in response.headers.get_all("Set-Cookie") or []:
            jar.load(header)
        return response.status, dict(response.headers.items()), jar, text
    finally:
        connection.close()


def wait_until_ready(port: int, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + READY_TIMEOUT_S
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise BenchError(
                f"gunicorn exited with {server.returncode}; see {VAR_DIR}/gunicorn.log"
            )
        try:
            if request(port, "GET", "/bench/bare/")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise BenchError(f"gunicorn did not answer within {READY_TIMEOUT_S} s")


def log_in(port: int, email: str, password: str) -> str:
    """Log in through the real form (CSRF and all); returns the session cookie's value."""
    login_path = "/account/inloggen/"
    status, _headers, jar, html = request(port, "GET", login_path)
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    if status != 200 or match is None or "csrftoken" not in jar:
        raise BenchError(f"the login page did not offer a form (HTTP {status})")
    csrf_cookie = jar["csrftoken"].value
    status, headers, jar, _html = request(
        port,
        "POST",
        login_path,
        cookies={"csrftoken": csrf_cookie},
        body={"csrfmiddlewaretoken": match.group(1), "username": email, "password": password},
    )
    if status != 302 or "sessionid" not in jar:
        raise BenchError(f"logging in as {email} failed (HTTP {status}, {headers.get('Location')})")
    return jar["sessionid"].value


def check_page(port: int, page: Page, cookie: str | None) -> None:
    cookies = {"sessionid": cookie} if page.authenticated and cookie else None
    status, headers, _jar, html = request(port, "GET", page.path, cookies=cookies)
    if status != 200 or page.expect not in html:
        raise BenchError(
            f"{page.path} answered HTTP {status} {headers.get('Location', '')} instead of the page"
        )


def server_cpu_seconds(master_pid: int) -> float | None:
    """User plus system CPU time of gunicorn's master and its workers (Linux /proc)."""
    ticks = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    total = 0
    try:
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                # The command name (field 2) may contain spaces; fields after it are fixed.
                fields = (entry / "stat").read_text().rpartition(")")[2].split()
            except OSError:
                continue  # the process ended meanwhile
            pid, ppid = int(entry.name), int(fields[1])
            if master_pid in (pid, ppid):
                total += int(fields[11]) + int(fields[12])  # utime, stime
    except OSError:
        return None
    return total / ticks


def run_wrk(
    port: int,
    page: Page,
    cookie: str | None,
    *,
    duration: int,
    connections: int,
    threads: int,
    server_pid: int,
) -> Measurement:
    args = [
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{duration}s",
        f"--timeout={REQUEST_TIMEOUT_S}s",
        "--latency",
        "-s",
        str(LUA_SCRIPT),
    ]
    if page.authenticated and cookie:
        args += ["-H", f"Cookie: sessionid={cookie}"]
    args.append(f"http://{HOST}:{port}{page.path}")
    cpu_before = server_cpu_seconds(server_pid)
    done = subprocess.run(args, capture_output=True, text=True, timeout=duration + 30)
    cpu_after = server_cpu_seconds(server_pid)
    if done.returncode != 0:
        raise BenchError(f"wrk failed on {page.path}:\n{done.stdout}{done.stderr}")
    rps = re.search(r"^Requests/sec:\s+([\d.]+)", done.stdout, re.MULTILINE)
    report = re.search(r"^BENCH_JSON (.+)$", done.stdout, re.MULTILINE)
    if rps is None or report is None:
        raise BenchError(f"could not read wrk's output for {page.path}:\n{done.stdout}")
    data: dict[str, Any] = json.loads(report.group(1))
    latency = data["latency_us"]
    return Measurement(
        requests_per_s=float(rps.group(1)),
        p50_ms=latency["p50"] / 1000,
        p90_ms=latency["p90"] / 1000,
        p95_ms=latency["p95"] / 1000,
        p99_ms=latency["p99"] / 1000,
        max_ms=latency["max"] / 1000,
        requests=int(data["requests"]),
        errors={k: int(v) for k, v in data["errors"].items()},
        server_cpu_ms=(
            round((cpu_after - cpu_before) * 1000 / data["requests"], 3)
            if cpu_before is not None and cpu_after is not None and data["requests"]
            else None
        ),
    )


def gunicorn_command(port: int, workers: int, threads: int) -> list[str]:
    return [
        *(sys.executable, "-m", "gunicorn", "weerbaar.wsgi:application"),
        *("--bind", f"{HOST}:{port}", "--workers", str(workers)),
        *("--worker-class", "gthread", "--threads", str(threads), "--log-level", "warning"),
    ]


def stop(server: subprocess.Popen[bytes]) -> None:
    if server.poll() is None:
        server.send_signal(signal.SIGTERM)  # gunicorn's master stops its workers
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=5)


def print_table(results: list[PageResult], bare: PageResult) -> list[dict[str, Any]]:
    bare_rps = bare.median("requests_per_s")
    rows: list[dict[str, Any]] = []
    columns = ("req/s", "p50 ms", "p95 ms", "p99 ms", "CPU ms", "vs bare")
    header = f"{'page':<22} " + " ".join(f"{c:>8}" for c in columns) + "  target met"
    print("\n" + header + "\n" + "-" * len(header))
    for result in results:
        rps = result.median("requests_per_s")
        p95 = result.median("p95_ms")
        ratio = rps / bare_rps if bare_rps else 0.0
        met = None if result.reference else (ratio >= TARGET_RATIO and p95 < TARGET_P95_MS)
        verdict = "(reference)" if met is None else ("yes" if met else "no")
        if met is False:
            misses = [f"ratio < {TARGET_RATIO:.0%}"] if ratio < TARGET_RATIO else []
            misses += [f"p95 ≥ {TARGET_P95_MS:.0f} ms"] if p95 >= TARGET_P95_MS else []
            verdict += " (" + ", ".join(misses) + ")"
        cpu = result.cpu_ms()
        print(
            f"{result.label:<22} {rps:>8.0f} {result.median('p50_ms'):>8.1f} {p95:>8.1f} "
            f"{result.median('p99_ms'):>8.1f} {'' if cpu is None else f'{cpu:.2f}':>8} "
            f"{ratio:>7.0%}  {verdict}"
        )
        rows.append(
            {
                "page": result.key,
                "label": result.label,
                "path": result.path,
                "requests_per_s": round(rps, 1),
                "p50_ms": round(result.median("p50_ms"), 2),
                "p90_ms": round(result.median("p90_ms"), 2),
                "p95_ms": round(p95, 2),
                "p99_ms": round(result.median("p99_ms"), 2),
                "server_cpu_ms_per_request": cpu,
                "ratio_vs_bare": round(ratio, 3),
                "target_met": met,
                "rounds": [asdict(m) for m in result.rounds],
            }
        )
    return rows


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run (10)")
    parser.add_argument(
        "--redis",
        default="",
        metavar="URL",
        help="serve with REDIS_URL (sessions, cache and job queue in Redis), "
        "e.g. redis://127.0.0.1:6379/13",
    )
    parser.add_argument("--warmup", type=int, default=2, help="seconds of warm-up per page (2)")
    parser.add_argument("--connections", type=int, default=20, help="concurrent clients (20)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (2)")
    parser.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="measure every page this often, interleaved; the medians are reported (1)",
    )
    parser.add_argument(
        "--workers", type=int, default=WORKERS, help=f"gunicorn processes ({WORKERS})"
    )
    parser.add_argument(
        "--server-threads", type=int, default=THREADS, help=f"threads per process ({THREADS})"
    )
    parser.add_argument(
        "--settings",
        default="bench.settings",
        help="settings module to serve, e.g. one that imports bench.settings and tries a change",
    )
    parser.add_argument(
        "--fail-on-miss", action="store_true", help="exit 1 when a page misses a target"
    )
    args = parser.parse_args(argv)
    for name in ("duration", "connections", "threads", "rounds", "workers", "server_threads"):
        if not 1 <= getattr(args, name) <= 600:
            parser.error(f"--{name.replace('_', '-')} must be between 1 and 600")
    if not 0 <= args.warmup <= 60:
        parser.error("--warmup must be between 0 and 60")
    return args


def _terminate(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)  # unwinds through `finally`, which stops gunicorn


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if shutil.which("wrk") is None:
        print("wrk is not installed. Install it with:  apt-get install wrk", file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, _terminate)
    load_before = os.getloadavg()[0]
    cpus = os.cpu_count() or 1
    if load_before > cpus / 2:
        print(
            f"! load average is {load_before:.1f} on {cpus} CPUs: other work competes with the "
            "server and wrk, so expect lower and noisier figures",
            file=sys.stderr,
        )
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    env = bench_environment(args.settings, args.redis)
    python = sys.executable

    try:
        run_step([python, "manage.py", "migrate", "--noinput"], env, "migrate (var/bench)")
        out = run_step([python, "-m", "bench.seed"], env, "seed 50 coalitions, 5,000 people")
        target: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
        run_step(
            [python, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
            env,
            "collectstatic (manifest storage)",
        )
    except (BenchError, subprocess.TimeoutExpired) as error:
        print(error, file=sys.stderr)
        return 1
    print(
        f"  {'seeded' if target['seeded'] else 'already seeded'}: {target['coalitions']} "
        f"coalitions, {target['users']} people, {target['memberships']} memberships"
    )

    slug = target["slug"]
    pages = [
        Page("bare", "bare view", "/bench/bare/", expect="ok"),
        # No target: the cheapest page on base.html, no queries. Shows the cost of the layout.
        Page("layout_only", "help page (layout)", "/help/", reference=True, expect='id="main"'),
        # No target: the bare view with the member's session cookie. The middleware then loads
        # the session and the user (two queries), the fixed cost of any logged-in page.
        Page(
            "bare_logged_in",
            "bare view, logged in",
            "/bench/bare/",
            authenticated=True,
            reference=True,
            expect="ok",
        ),
        Page("platform_home", "platform home", "/", expect=f"/{slug}/"),
        Page("public_page", "coalition public page", f"/{slug}/", expect="Uitgangspunt 1"),
        Page(
            "member_home",
            "member home",
            f"/{slug}/start/",
            authenticated=True,
            expect=f"/{slug}/leden/",
        ),
    ]
    port = free_port()
    log_path = VAR_DIR / "gunicorn.log"
    shape = f"{args.workers} workers x {args.server_threads} threads"
    print(f"· gunicorn on {HOST}:{port} ({shape}), log {log_path.relative_to(ROOT)}")
    with log_path.open("wb") as log:
        server = subprocess.Popen(
            gunicorn_command(port, args.workers, args.server_threads),
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    results = {
        page.key: PageResult(
            page.key, page.label, page.path, reference=page.reference or page is pages[0]
        )
        for page in pages
    }
    try:
        wait_until_ready(port, server)
        cookie = log_in(port, target["member_email"], target["member_password"])
        for page in pages:
            check_page(port, page, cookie)
        if args.warmup:
            print(f"· warm-up, {args.warmup} s per page")
            for page in pages:
                run_wrk(
                    port,
                    page,
                    cookie,
                    duration=args.warmup,
                    connections=args.connections,
                    threads=args.threads,
                    server_pid=server.pid,
                )
        for number in range(1, args.rounds + 1):
            print(
                f"· round {number}/{args.rounds}: wrk -t{args.threads} -c{args.connections} "
                f"-d{args.duration}s per page"
            )
            for page in pages:
                measurement = run_wrk(
                    port,
                    page,
                    cookie,
                    duration=args.duration,
                    connections=args.connections,
                    threads=args.threads,
                    server_pid=server.pid,
                )
                if any(measurement.errors.values()):
                    print(f"  ! {page.path}: errors {measurement.errors}", file=sys.stderr)
                results[page.key].rounds.append(measurement)
    except (BenchError, subprocess.TimeoutExpired) as error:
        print(error, file=sys.stderr)
        return 1
    finally:
        stop(server)

    rows = print_table(list(results.values()), results["bare"])
    RESULTS_DIR.mkdir(exist_ok=True)
    report = {
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "platform": platform.platform(),
            "python": platform.python_version(),
            "cpus": cpus,
            "load_average_before": round(load_before, 2),
        },
        "settings": args.settings,
        "server": {
            "workers": args.workers,
            "threads": args.server_threads,
            "worker_class": "gthread",
        },
        "wrk": {
            "threads": args.threads,
            "connections": args.connections,
            "duration_s": args.duration,
            "warmup_s": args.warmup,
            "rounds": args.rounds,
        },
        "data": {k: target[k] for k in ("coalitions", "users", "memberships")},
        "targets": {"ratio_vs_bare": TARGET_RATIO, "p95_ms_below": TARGET_P95_MS},
        "results": rows,
    }
    latest = RESULTS_DIR / "latest.json"
    latest.write_text(json.dumps(report, indent=2) + "\n")
    print(
        "\nCPU ms: gunicorn's CPU time per request (all its processes); steadier than req/s when "
        "other work shares the machine.\n"
        f"Targets: ≥ {TARGET_RATIO:.0%} of the bare view's req/s, p95 < {TARGET_P95_MS:.0f} ms. "
        f"Written to {latest.relative_to(ROOT)}"
    )
    missed = any(row["target_met"] is False for row in rows)
    return 1 if missed and args.fail_on_miss else 0


if __name__ == "__main__":
    sys.exit(main())

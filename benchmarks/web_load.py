"""Load benchmark of the web API: concurrent screening clients against a local server.

    .venv/bin/python benchmarks/web_load.py                 # 50 clients, 60 s
    .venv/bin/python benchmarks/web_load.py --clients 10 --seconds 10

A store is made in a temporary folder with the OFAC SDN and UN consolidated lists of
``../shared/data/sanctions`` (the bundled extract of them when that folder is absent), and
``materiel serve`` is started on a free port of 127.0.0.1 in its own process. Each client posts
``POST /screen`` with one name at a time (listed names and made-up ones, alternating), waiting for
each answer before the next, until the time is up or ``--max-requests`` have been sent in all.
Loopback only; the server is stopped and the store deleted afterwards.

Prints throughput, p50/p90/p99 latency and the errors (any non-200 answer or failed request),
and one JSON line with the same numbers.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
SHARED_LISTS = ROOT.parent / "shared" / "data" / "sanctions"
MAX_SECONDS = 600
GIVEN = ["Ali", "Maria", "Chen", "Olga", "Pedro", "Amina", "Kim", "Yusuf", "Hana", "Ivan", "Sara", "Tomas"]
FAMILY = ["Haddad", "Novak", "Okafor", "Lindqvist", "Moreau", "Tanaka", "Petrov", "Silva", "Nasser", "Brandt"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def make_store(folder: Path) -> tuple[str, list[str], str]:
    """A store with the lists loaded; (URL, names to screen, what was loaded)."""
    from materiel.examples.lists import copy_lists
    from materiel.screen.lists import iter_entities, load_lists
    from materiel.store import Store

    url = f"sqlite:///{folder / 'bench.db'}"
    if (SHARED_LISTS / "ofac_sdn.csv").exists():
        paths = [
            SHARED_LISTS / n for n in ("ofac_sdn.csv", "ofac_add.csv", "ofac_alt.csv", "un_consolidated.xml")
        ]
        what = "OFAC SDN + UN consolidated (../shared/data/sanctions)"
    else:
        paths = copy_lists(folder / "lists")
        what = "the bundled extract of OFAC SDN + UN (13 entries)"
    with Store.open(url) as store:
        reports = load_lists([str(p) for p in paths], store)
        for report in reports:
            if isinstance(report, Exception):
                raise SystemExit(f"cannot load a list: {report}")
        entries = sum(r.entries for r in reports if not isinstance(r, Exception))
        listed = [e.name for e in iter_entities(store)]
    rng = random.Random(7)
    listed = rng.sample(listed, min(500, len(listed)))
    made_up = [f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}" for _ in range(500)]
    names = [n for pair in zip(listed, made_up, strict=False) for n in pair] or made_up
    return url, names, f"{what}, {entries:,} entries"


def start_server(url: str, port: int, log: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "MATERIEL_WEB_TOKEN": ""}
    serve = ["--db", url, "serve", "--host", "127.0.0.1", "--port", str(port)]
    command = [sys.executable, "-c", "from materiel.cli import main; main()", *serve]
    with log.open("wb") as out:
        server = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT, cwd=str(ROOT))
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server stopped: see {log}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/lists", timeout=2).status_code == 200:
                return server
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    server.terminate()
    raise SystemExit("the server did not answer within 60 s")


async def run_clients(
    base: str, names: list[str], clients: int, seconds: float, max_requests: int
) -> dict[str, object]:
    latencies: list[float] = []
    errors: dict[str, int] = {}
    sent = 0
    deadline = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async def client(n: int, http: httpx.AsyncClient) -> None:
        nonlocal sent
        i = n
        while time.monotonic() < deadline and sent < max_requests:
            sent += 1
            body = {"queries": [{"id": str(i), "name": names[i % len(names)]}]}
            i += clients
            started = time.perf_counter()
            try:
                response = await http.post(f"{base}/screen", json=body)
                if response.status_code != 200:
                    key = f"HTTP {response.status_code}"
                    errors[key] = errors.get(key, 0) + 1
                    continue
                response.json()["results"][0]["matches"]
            except (httpx.HTTPError, KeyError, ValueError) as exc:
                errors[type(exc).__name__] = errors.get(type(exc).__name__, 0) + 1
                continue
            latencies.append(time.perf_counter() - started)

    started = time.monotonic()
    async with httpx.AsyncClient(limits=limits, timeout=30) as http:
        await asyncio.gather(*(client(n, http) for n in range(clients)))
    elapsed = time.monotonic() - started
    ordered = sorted(latencies)

    def pct(p: float) -> float:
        return ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000 if ordered else float("nan")

    return {
        "clients": clients,
        "seconds": round(elapsed, 1),
        "requests": sent,
        "ok": len(latencies),
        "errors": sum(errors.values()),
        "error_kinds": errors,
        "throughput_rps": round(len(latencies) / elapsed, 1) if elapsed else 0.0,
        "p50_ms": round(pct(0.50), 1),
        "p90_ms": round(pct(0.90), 1),
        "p99_ms": round(pct(0.99), 1),
        "mean_ms": round(statistics.fmean(latencies) * 1000, 1) if latencies else float("nan"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--max-requests", type=int, default=1_000_000, help="Stop after this many in all.")
    args = parser.parse_args()
    if not 0 < args.seconds <= MAX_SECONDS:
        raise SystemExit(f"--seconds: between 0 and {MAX_SECONDS}")
    folder = Path(tempfile.mkdtemp(prefix="materiel-web-load-"))
    server: subprocess.Popen[bytes] | None = None
    try:
        url, names, what = make_store(folder)
        port = free_port()
        server = start_server(url, port, folder / "server.log")
        base = f"http://127.0.0.1:{port}"
        httpx.post(f"{base}/screen", json={"queries": [{"name": names[0]}]}, timeout=120)  # opens the index
        print(f"lists: {what}; {args.clients} clients for {args.seconds:g} s against {base} (one process)")
        result = asyncio.run(run_clients(base, names, args.clients, args.seconds, args.max_requests))
        print(
            f"{result['ok']:,} screenings in {result['seconds']} s: {result['throughput_rps']} req/s; "
            f"latency p50 {result['p50_ms']} ms, p90 {result['p90_ms']} ms, p99 {result['p99_ms']} ms; "
            f"errors {result['errors']} {result['error_kinds'] or ''}"
        )
        print(json.dumps({"lists": what, **result}))
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()

"""`make bench`: ours beside django-helpdesk 2.6.1 (the peer), same machine, same run.

Installs the peer from PyPI into a venv of its own (bench/peer/setup.sh), fills both with
the same number of complaints / tickets, serves both with gunicorn with the same settings
(2 sync workers, 127.0.0.1), loads them from this process with wrk (Debian package,
installed when missing; every run bounded by -d), peer and ours interleaved (the order
alternates per round), medians of --reps rounds, and prints one table:
scenario, peer, ours, ours ÷ peer, ours ÷ floor, load average.

The floor is a trivial Django view in each project, served the same way: one indexed
SELECT of 25 rows and a small template (bench/oursite/floor.py, bench/peer/site/floor/).
"ours ÷ floor" divides our latency by the floor's (same percentile) and, for req/s, the
floor's throughput by ours (both: how many times the floor's cost a request takes).

    .venv/bin/python bench/side_by_side.py                       # SQLite, 100,000
    .venv/bin/python bench/side_by_side.py --db postgres         # PostgreSQL
    .venv/bin/python bench/side_by_side.py --quick               # 1,000, short runs

Data is kept per database and size under var/bench/ (SQLite files, PostgreSQL databases
kr_bench_ours_N / kr_bench_peer_N) and reused by the next run; the submissions of a run
stay in it (the complaint records are append-only), so a re-run starts a little fuller.
"""

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
VAR = ROOT / "var" / "bench"
PEER_ROOT = VAR / "peer"
PEER_SITE = BENCH / "peer" / "site"
# BENCH_PORT: the first of the two ports (ours, then the peer's), for a second run beside.
OURS_PORT = int(os.environ.get("BENCH_PORT", "8101"))
PEER_PORT = OURS_PORT + 1
DASH = "—"
TIMES = "\u00d7"


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--count", type=int, default=None, help="complaints (default 100,000)")
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seconds", type=int, default=10, help="per wrk run")
    parser.add_argument("--conns", type=int, default=8)
    parser.add_argument("--word", default="factuur", help="the common Dutch word searched")
    parser.add_argument(
        "--destruction", type=int, default=None, help="complaints a destruction run (10,000)"
    )
    parser.add_argument(
        "--pg", default=os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
    )
    parser.add_argument("--quick", action="store_true", help="1,000 complaints, 3 s runs")
    args = parser.parse_args()
    if args.quick:
        args.count = args.count or 1000
        args.seconds = 3
        args.destruction = args.destruction or 500
    args.count = args.count or 100_000
    args.destruction = args.destruction or 10_000
    return args


def log(*parts) -> None:
    print(time.strftime("%H:%M:%S"), *parts, file=sys.stderr, flush=True)


def load_average() -> float:
    return float(Path("/proc/loadavg").read_text().split()[0])


# ------------------------------------------------------------------ preparing both sides
def ensure_wrk() -> None:
    if shutil.which("wrk"):
        return
    log("installing wrk (Debian package)")
    subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True)


def ensure_pg_database(base: str, name: str) -> str:
    import psycopg

    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if exists.fetchone() is None:
            connection.execute(f'CREATE DATABASE "{name}"')
    return f"{base}/{name}"


def environments(args) -> tuple[dict, dict]:
    """The environment of each side's commands and servers."""
    base = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DATA_DIR")}
    ours = dict(
        base,
        DJANGO_SETTINGS_MODULE="bench.oursite.settings",
        DATA_DIR=str(VAR / f"ours-{args.db}-{args.count}"),
        SITE_URL=f"http://127.0.0.1:{OURS_PORT}",
    )
    peer = dict(base, PEER_DATA_DIR=str(VAR / f"peer-{args.db}-{args.count}"))
    if args.db == "postgres":
        ours["DATABASE_URL"] = ensure_pg_database(args.pg, f"kr_bench_ours_{args.count}")
        peer["PEER_DATABASE_URL"] = ensure_pg_database(args.pg, f"kr_bench_peer_{args.count}")
    return ours, peer


def prepare(args, ours_env: dict, peer_env: dict) -> dict:
    log("peer: django-helpdesk from PyPI, migrate")
    subprocess.run(
        ["bash", str(BENCH / "peer" / "setup.sh")],
        env=dict(peer_env, PEER_ROOT=str(PEER_ROOT)),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    log(f"peer: {args.count:,} tickets")
    subprocess.run(
        [str(PEER_ROOT / "venv/bin/python"), "../gen_tickets.py", "--count", str(args.count)],
        cwd=PEER_SITE,
        env=peer_env,
        check=True,
    )
    log(f"ours: {args.count:,} complaints")
    Path(ours_env["DATA_DIR"]).mkdir(parents=True, exist_ok=True)
    out = subprocess.run(
        [sys.executable, str(BENCH / "ours_prepare.py"), "--count", str(args.count)],
        cwd=ROOT,
        env=ours_env,
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


# ------------------------------------------------------------------ serving
class Server:
    def __init__(self, name, gunicorn, app, port, cwd, env, workers):
        self.name, self.port = name, port
        self.base = f"http://127.0.0.1:{port}"
        self.logfile = (VAR / f"gunicorn-{name}.log").open("a")
        self.process = subprocess.Popen(
            [gunicorn, app, "-w", str(workers), "-b", f"127.0.0.1:{port}", "--timeout", "120"],
            cwd=cwd,
            env=env,
            stdout=self.logfile,
            stderr=self.logfile,
            start_new_session=True,
        )
        for _ in range(150):
            try:
                requests.get(self.base + "/floor/rows/", timeout=5).raise_for_status()
                return
            except requests.RequestException:
                time.sleep(0.2)
        self.stop()
        raise SystemExit(f"{name}: gunicorn did not come up (see {self.logfile.name})")

    def workers(self) -> list[int]:
        pid = self.process.pid
        try:
            return [int(x) for x in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
        except OSError:
            return []

    def wait_idle(self, quiet=0.5, limit=120) -> None:
        """Until the workers burn no CPU for `quiet` s: what wrk left queued must not
        overlap the next measurement."""

        def ticks():
            total = 0
            for pid in self.workers():
                try:
                    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                    total += int(fields[11]) + int(fields[12])
                except OSError:
                    pass
            return total

        end, last = time.time() + limit, ticks()
        while time.time() < end:
            time.sleep(quiet)
            now = ticks()
            if now == last:
                return
            last = now

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(20)
        except subprocess.TimeoutExpired:
            self.process.kill()


def wrk(url: str, conns: int, seconds: int, script: str, env: dict) -> dict:
    command = ["wrk", f"-t{min(conns, 2)}", f"-c{conns}", f"-d{seconds}s", "--timeout", "60s"]
    command += ["-s", str(BENCH / "lua" / script), url]
    result = subprocess.run(
        command,
        env=dict(os.environ, **env),
        capture_output=True,
        text=True,
        timeout=seconds + 120,
        check=False,
    )
    match = re.search(r"^WRKJSON (.*)$", result.stdout, re.MULTILINE)
    if not match:
        raise RuntimeError(f"wrk failed: {result.stdout}\n{result.stderr}")
    data = json.loads(match.group(1))
    data["rps"] = data["requests"] / (data["duration_us"] / 1e6)
    return data


def csrf_pair(session: requests.Session, url: str) -> tuple[str, str]:
    response = session.get(url)
    response.raise_for_status()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.text).group(1)
    cookie = "; ".join(f"{k}={v}" for k, v in session.cookies.get_dict().items())
    return cookie, token


def peer_login(peer: Server) -> str:
    session = requests.Session()
    _, token = csrf_pair(session, peer.base + "/helpdesk/login/")
    response = session.post(
        peer.base + "/helpdesk/login/",
        data={"csrfmiddlewaretoken": token, "username": "admin", "password": "benchpass123"},
        allow_redirects=False,
    )
    assert response.status_code == 302, response.status_code
    return "; ".join(f"{k}={v}" for k, v in session.cookies.get_dict().items())


def peer_rows_url(peer: Server, cookie: str, list_path: str) -> str:
    """helpdesk's list page is a shell; its rows come from a second request (datatables)."""
    response = requests.get(peer.base + list_path, headers={"Cookie": cookie})
    response.raise_for_status()
    path = re.search(r"(/helpdesk/datatables_ticket_list/[A-Za-z0-9+/=]+)", response.text)
    return path.group(1) + "?draw=1&start=0&length=25"


def peer_details(args) -> str:
    import random

    rng = random.Random(7)  # noqa: S311 - which tickets to open
    return ",".join(f"/helpdesk/tickets/{rng.randint(1, args.count)}/" for _ in range(300))


# ------------------------------------------------------------------ the run
def scenarios(args, ours: Server, peer: Server, info: dict) -> list[dict]:
    """name, metric (rps | p50 | p95), connections, then per side: (path, lua, env)."""
    ours_session = requests.Session()
    ours_cookie, ours_token = csrf_pair(ours_session, ours.base + info["form"])
    peer_session = requests.Session()
    peer_cookie, peer_token = csrf_pair(peer_session, peer.base + "/helpdesk/tickets/submit/")
    ours_post = {"WRK_FORM": "ours", "WRK_COOKIE": ours_cookie, "WRK_CSRF": ours_token}
    peer_post = {"WRK_FORM": "peer", "WRK_COOKIE": peer_cookie, "WRK_CSRF": peer_token}
    peer_post["WRK_QUEUES"] = "1,2,3"
    officer = {"WRK_COOKIE": info["cookie"]}
    admin = {"WRK_COOKIE": peer_login(peer)}
    word = args.word
    search = f"{info['list']}?q={word}"
    rows = peer_rows_url(peer, admin["WRK_COOKIE"], "/helpdesk/tickets/")
    peer_search = peer_rows_url(peer, admin["WRK_COOKIE"], f"/helpdesk/tickets/?q={word}")
    get = "get.lua"
    return [
        {"name": "floor (1 indexed SELECT of 25 rows), 1 connection", "metric": "p50", "conns": 1,
             "floor": True, "ours": ("/floor/rows/", get, {}), "peer": ("/floor/rows/", get, {})},
        {"name": f"floor, {args.conns} connections", "metric": "rps", "conns": args.conns,
             "floor": True, "ours": ("/floor/rows/", get, {}), "peer": ("/floor/rows/", get, {})},
        {"name": "public submission (form POST with CSRF), 1 connection", "metric": "rps",
             "conns": 1, "ours": (info["form"], "post.lua", ours_post),
             "peer": ("/helpdesk/tickets/submit/", "post.lua", peer_post)},
        {"name": f"public submission, {args.conns} connections", "metric": "rps",
             "conns": args.conns, "ours": (info["form"], "post.lua", ours_post),
             "peer": ("/helpdesk/tickets/submit/", "post.lua", peer_post)},
        {"name": "officer list, first page", "metric": "p95", "conns": 1,
             "ours": (info["list"], get, officer), "peer": (rows, get, admin)},
        {"name": f"search for '{word}'", "metric": "p95", "conns": 1,
             "ours": (search, get, officer), "peer": (peer_search, get, admin)},
        {"name": "dossier / ticket detail (300 at random)", "metric": "p95", "conns": 1,
             "ours": ("/", get, dict(officer, WRK_PATHS=",".join(info["details"]))),
             "peer": ("/", get, dict(admin, WRK_PATHS=peer_details(args)))},
        {"name": "public form GET", "metric": "p50", "conns": 1,
             "ours": (info["form"], get, {}), "peer": ("/helpdesk/tickets/submit/", get, {})},
        {"name": "complainant's status page (peer: its public form GET)", "metric": "p50",
             "conns": 1, "ours": (info["status"], get, {"WRK_COOKIE": info["complainant_cookie"]}),
             "peer": ("/helpdesk/tickets/submit/", get, {})},
    ]  # fmt: skip


def measure(args, servers: dict, plan: list[dict]) -> None:
    log("warm-up")
    for scenario in plan:
        for side in ("peer", "ours"):
            path, script, env = scenario[side]
            wrk(servers[side].base + path, scenario["conns"], 1, script, env)
            servers[side].wait_idle()
    for rep in range(args.reps):
        order = ("peer", "ours") if rep % 2 == 0 else ("ours", "peer")
        for scenario in plan:
            for side in order:
                path, script, env = scenario[side]
                data = wrk(servers[side].base + path, scenario["conns"], args.seconds, script, env)
                servers[side].wait_idle()
                data["load"] = load_average()
                scenario.setdefault("runs", {}).setdefault(side, []).append(data)
                log(
                    f"round {rep + 1} {side:4} {scenario['name']}: {data['rps']:.1f} req/s, "
                    f"p50 {data['lat_p50_ms']:.1f} ms, p95 {data['lat_p95_ms']:.1f} ms, "
                    f"{data['unexpected']} unexpected / {data['requests']}"
                )


def report_page(args, ours: Server, info: dict) -> dict:
    """The yearly report (Art. 8): one request at a time, median of --reps."""
    times = []
    for _ in range(args.reps):
        started = time.perf_counter()
        response = requests.get(ours.base + info["report"], headers={"Cookie": info["cookie"]})
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.status_code
    return {"ms": statistics.median(times), "load": load_average()}


def destruction(args, ours_env: dict) -> dict:
    """Art. 8.5: bench/destruction.py on a database of its own (complaints per second for
    the whole task: batches, statement PDF, housekeeping)."""
    env = dict(ours_env)
    env.pop("DATA_DIR", None)
    env["DJANGO_SETTINGS_MODULE"] = "config.settings.local"
    if args.db == "postgres":
        env["DATABASE_URL"] = f"{args.pg}/kr_bench_destruction_side"
    command = [sys.executable, str(BENCH / "destruction.py"), "--complaints", str(args.destruction)]
    command += ["--repeat", str(args.reps)]
    out = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout
    match = re.search(r"whole task ([\d,]+) complaints/s", out)
    return {"per_s": int(match.group(1).replace(",", "")), "load": load_average()}


def value(run: dict, metric: str) -> float:
    return run["rps"] if metric == "rps" else run[f"lat_{metric}_ms"]


def table(args, plan, report, destroyed, info) -> str:
    floor = {}
    for scenario in plan:
        if scenario.get("floor"):
            runs = scenario["runs"]["ours"]
            floor[scenario["conns"]] = {
                m: statistics.median(value(r, m) for r in runs) for m in ("rps", "p50", "p95")
            }
    unit = {"rps": "req/s", "p50": "ms p50", "p95": "ms p95"}
    lines = [
        "| scenario | unit | peer | ours | ours ÷ peer | ours ÷ floor | load (1 min) | unexpected responses (peer / ours) |",
        "|---|---|---:|---:|---:|---:|---:|---|",
    ]
    for scenario in plan:
        metric = scenario["metric"]
        peer = statistics.median(value(r, metric) for r in scenario["runs"]["peer"])
        ours = statistics.median(value(r, metric) for r in scenario["runs"]["ours"])
        base = floor.get(scenario["conns"], floor[1])
        if scenario.get("floor"):
            over_floor = f"1.0{TIMES}"
        elif metric == "rps":
            over_floor = f"{base['rps'] / ours:.1f}{TIMES}"
        else:
            over_floor = f"{ours / base[metric]:.1f}{TIMES}"
        loads = [r["load"] for side in ("peer", "ours") for r in scenario["runs"][side]]
        bad = [sum(r["unexpected"] for r in scenario["runs"][s]) for s in ("peer", "ours")]
        digits = 1 if metric == "rps" or ours < 100 else 0
        lines.append(
            f"| {scenario['name']} | {unit[metric]} | {peer:,.{digits}f} | {ours:,.{digits}f} "
            f"| {ours / peer:.2f} | {over_floor} | {statistics.median(loads):.2f} "
            f"| {bad[0]} / {bad[1]} |"
        )
    lines.append(
        f"| yearly report ({info['report'].split('?')[1]}), one request at a time | ms "
        f"| {DASH} | {report['ms']:,.0f} | {DASH} | {report['ms'] / floor[1]['p50']:.0f}{TIMES} "
        f"| {report['load']:.2f} | |"
    )
    lines.append(
        f"| destruction, whole task ({args.destruction:,} complaints a list) | complaints/s "
        f"| {DASH} | {destroyed['per_s']:,} | {DASH} | {DASH} | {destroyed['load']:.2f} | |"
    )
    return "\n".join(lines)


def main() -> None:
    args = arguments()
    VAR.mkdir(parents=True, exist_ok=True)
    ensure_wrk()
    started = time.strftime("%Y-%m-%d %H:%M %Z")
    ours_env, peer_env = environments(args)
    info = prepare(args, ours_env, peer_env)
    servers = {}
    try:
        servers["ours"] = Server(
            "ours", str(ROOT / ".venv/bin/gunicorn"), "config.wsgi", OURS_PORT, ROOT,
            dict(ours_env), args.workers,
        )  # fmt: skip
        servers["peer"] = Server(
            "peer", str(PEER_ROOT / "venv/bin/gunicorn"), "peersite.wsgi:application",
            PEER_PORT, PEER_SITE, peer_env, args.workers,
        )  # fmt: skip
        plan = scenarios(args, servers["ours"], servers["peer"], info)
        measure(args, servers, plan)
        report = report_page(args, servers["ours"], info)
    finally:
        for server in servers.values():
            server.stop()
    log("destruction")
    destroyed = destruction(args, ours_env)
    header = (
        f"{started}; {args.db}; {info['complaints']:,} complaints ({info['officer_complaints']:,} "
        f"with the measured officer; data: {info['generator']}) against as many helpdesk "
        f"tickets; gunicorn {args.workers} sync workers each; wrk {args.seconds} s a run, "
        f"medians of {args.reps} rounds, peer and ours interleaved; {os.cpu_count()} cores"
    )
    text = header + "\n\n" + table(args, plan, report, destroyed, info)
    print(text)
    out = VAR / f"result-{args.db}-{args.count}-{time.strftime('%Y%m%d-%H%M')}.md"
    out.write_text(text + "\n")
    (out.with_suffix(".json")).write_text(json.dumps(plan, indent=1, default=str))
    log(f"written to {out}")


if __name__ == "__main__":
    main()

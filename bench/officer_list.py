"""The officer's list against the floor, ours only (issue 19): p50 and p95 of the first
page, filtered pages, the ended tab, a search for a common word (open and ended) and a
dossier of 50 events and 5 attachments, served as `make bench` serves (its `Server` and
`wrk` helpers: gunicorn 2 sync workers, wrk 1 connection), medians of 3 rounds.

    DATA_DIR=var/bench/ours-sqlite-100000 .venv/bin/python bench/officer_list.py --count 100000

Fills DATA_DIR to --count complaints first when it holds fewer (bench/ours_prepare.py).
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

import side_by_side as bench

PORT = int(os.environ.get("BENCH_PORT", "8111"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument("--reps", type=int, default=3)
    args = parser.parse_args()
    bench.ensure_wrk()
    bench.VAR.mkdir(parents=True, exist_ok=True)
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="bench.oursite.settings",
        SITE_URL=f"http://127.0.0.1:{PORT}",
    )
    env.setdefault("DATA_DIR", str(bench.VAR / f"ours-sqlite-{args.count}"))
    Path(env["DATA_DIR"]).mkdir(parents=True, exist_ok=True)
    prepare = [
        *(sys.executable, str(bench.BENCH / "ours_prepare.py"), "--count", str(args.count)),
        "--full-dossier",
    ]
    out = subprocess.run(prepare, cwd=bench.ROOT, env=env, check=True, stdout=subprocess.PIPE)  # noqa: S603
    info = json.loads(out.stdout.decode().strip().splitlines()[-1])
    officer = {"WRK_COOKIE": info["cookie"]}
    plan = [
        ("floor (1 indexed SELECT of 25 rows)", "/floor/rows/", {}),
        ("officer list, first page", info["list"], officer),
        ("officer list, ?status=received", info["list"] + "?status=received", officer),
        ("officer list, ?due=overdue", info["list"] + "?due=overdue", officer),
        ("officer list, ?view=ended", info["list"] + "?view=ended", officer),
        ("search 'factuur'", info["list"] + "?q=factuur", officer),
        ("search 'factuur' in the ended", info["list"] + "?q=factuur&view=ended", officer),
        ("dossier, 50 events and 5 attachments", info["full_dossier"], officer),
    ]
    gunicorn = str(bench.ROOT / ".venv/bin/gunicorn")
    server = bench.Server("ours-list", gunicorn, "config.wsgi", PORT, bench.ROOT, env, 2)
    runs: dict[str, list[dict]] = {}
    try:
        for _, path, extra in plan:  # warm-up
            bench.wrk(server.base + path, 1, 1, "get.lua", extra)
            server.wait_idle()
        for _ in range(args.reps):
            for name, path, extra in plan:
                data = bench.wrk(server.base + path, 1, args.seconds, "get.lua", extra)
                server.wait_idle()
                data["load"] = bench.load_average()
                runs.setdefault(name, []).append(data)
    finally:
        server.stop()
    floor = statistics.median(r["lat_p95_ms"] for r in runs[plan[0][0]])
    print(f"{info['complaints']:,} complaints, {info['officer_complaints']:,} the officer's")
    print("| scenario | p50 ms | p95 ms | p95 / floor p95 | load (1 min) | unexpected |")
    print("|---|---:|---:|---:|---|---:|")
    for name, _, _ in plan:
        rows = runs[name]
        p50 = statistics.median(r["lat_p50_ms"] for r in rows)
        p95 = statistics.median(r["lat_p95_ms"] for r in rows)
        loads = [r["load"] for r in rows]
        bad = sum(r["unexpected"] for r in rows)
        print(
            f"| {name} | {p50:.1f} | {p95:.1f} | {p95 / floor:.1f}{bench.TIMES} "
            f"| {min(loads):.1f}-{max(loads):.1f} | {bad} |"
        )


if __name__ == "__main__":
    main()

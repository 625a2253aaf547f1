"""Time the numpy SMP port on KTAB's bundled scenarios, beside KTAB's own C++ times.

Each scenario runs in a fresh Python process, so its peak resident memory (ru_maxrss, what
KTAB's figures measure, interpreter and numpy included) is its own; tracemalloc adds the
peak of the arrays the model allocates. Wall time is the best of ``--repeat`` runs of
``run_smp`` (reading the CSV excluded), with its CPU time beside it: on a shared machine
the gap between the two is time spent waiting for a core. Speed-up = KTAB wall / port wall.

    .venv/bin/python benchmarks/bargaining_speed.py [--repeat 3] [--only a080]
    .venv/bin/python benchmarks/bargaining_speed.py --large 500 [--before afacc3e]

``--large N``: N generated actors (seeded) on one dimension, SMP and the expected-utility model,
each in a fresh process (wall, CPU and peak RSS; SMP's compile time of its numba kernels is
included there and measured apart on its own line); ``--before REV`` runs the same in another
fresh process on the package as it was at git revision REV, for a before/after in one run.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

KTAB = Path(__file__).resolve().parents[1].parent / "shared" / "benchmarks" / "ktab"
# name: (csv, KTAB wall seconds, KTAB peak MB or None) from shared/benchmarks/README.md (2 cores)
SCENARIOS = {
    "3Dim": ("dummyData_3Dim.csv", 0.23, None),
    "SOE-Pol-Comp": ("SOE-Pol-Comp.csv", 0.40, None),
    "SOE-Policy": ("SOE-Policy.csv", 1.7, None),
    "SOE-Competitive": ("SOE-Competitive.csv", 7.4, None),
    "6Dim": ("dummyData_6Dim.csv", 3.0, None),
    "a040": ("dummyData-a040.csv", 7.1, 30.0),
    "a080": ("dummyData-a080.csv", 71.0, 94.0),
}


def measure(csv: str, repeat: int) -> dict:
    """Run in the child process: time the port, then trace its allocations once."""
    from detente.bargaining.io import read_ktab_csv
    from detente.bargaining.smp import run_smp

    x = read_ktab_csv(KTAB / csv)
    times, cpu = [], []
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        result = run_smp(x.capability, x.position, x.salience)
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    tracemalloc.start()
    run_smp(x.capability, x.position, x.salience)
    traced = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return {"actors": x.n_actors, "dims": x.n_issues, "turns": result.n_turns,
            "wall_s": min(times), "cpu_s": min(cpu), "traced_mb": traced / 2**20,
            "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def measure_large(n: int, model: str) -> dict:
    """Run in the child process: one SMP or EU run on n seeded actors, one dimension."""
    import numpy as np

    rng = np.random.default_rng(0)
    cap, pos, sal = rng.uniform(1, 100, n), rng.uniform(0, 100, (n, 1)), rng.uniform(10, 100, (n, 1))
    t0, c0 = time.perf_counter(), time.process_time()
    if model == "smp":
        from detente.bargaining.smp import run_smp

        r = run_smp(cap, pos, sal)
        outcome, turns = float(r.expected_outcome[0]), r.n_turns
    else:
        from detente.bargaining.expected_utility import eu_issue

        r = eu_issue(pos[:, 0], cap, sal[:, 0] / 100)
        outcome, turns = float(r["medians"][-1]), len(r["medians"]) - 1
    return {"wall_s": time.perf_counter() - t0, "cpu_s": time.process_time() - c0, "turns": turns,
            "outcome": outcome, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def measure_compile() -> dict:
    """Run in the child process: the first SMP turn on the smallest input that takes the
    compiled path, cold (compiling) then warm; the difference is the compile time."""
    import numpy as np

    from detente.bargaining import smp_core
    from detente.bargaining.smp import SMPParams, run_smp

    n = getattr(smp_core, "KERNEL_MIN_ACTORS", 64)
    rng = np.random.default_rng(0)
    cap, pos, sal = rng.uniform(1, 100, n), rng.uniform(0, 100, (n, 1)), rng.uniform(10, 100, (n, 1))
    spent = []
    for _ in range(2):
        t0, c0 = time.perf_counter(), time.process_time()
        run_smp(cap, pos, sal, SMPParams(max_turns=1))
        spent.append((time.perf_counter() - t0, time.process_time() - c0))
    return {"wall_s": spent[0][0] - spent[1][0], "cpu_s": spent[0][1] - spent[1][1]}


def large(n: int, before: str | None) -> None:
    """SMP and EU on n actors × 1 dimension, now and (``before``) at another git revision."""
    arms = [("now", None)]
    tmp = None
    if before:
        tmp = tempfile.TemporaryDirectory()
        root = Path(__file__).resolve().parents[1]
        archive = subprocess.run(["git", "-C", str(root), "archive", before, "src"], check=True,
                                 capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", tmp.name], input=archive, check=True)
        arms.append((before, str(Path(tmp.name) / "src")))
    print(f"{'model':6} {'n×d':>6} {'code':>8} {'turns':>5} {'wall s':>8} {'CPU s':>8} {'peak RSS MB':>11}  outcome")
    for model in ("smp", "eu"):
        for label, src in arms:
            env = dict(os.environ, **({"PYTHONPATH": src} if src else {}))
            out = subprocess.run([sys.executable, __file__, "--large-child", str(n), model], env=env,
                                 check=True, capture_output=True, text=True).stdout
            m = json.loads(out)
            print(f"{model:6} {n:>4}×1 {label:>8} {m['turns']:>5} {m['wall_s']:>8.1f} {m['cpu_s']:>8.1f}"
                  f" {m['rss_mb']:>11.0f}  {m['outcome']:.6f}")
    for label, src in arms:
        env = dict(os.environ, **({"PYTHONPATH": src} if src else {}))
        out = subprocess.run([sys.executable, __file__, "--compile-child"], env=env,
                             check=True, capture_output=True, text=True).stdout
        m = json.loads(out)
        print(f"compile (first turn cold − warm) {label:>8}: wall {m['wall_s']:.1f} s, CPU {m['cpu_s']:.1f} s")
    if tmp is not None:
        tmp.cleanup()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--only", action="append", help="scenario name(s), default all")
    ap.add_argument("--large", type=int, default=0, help="N generated actors × 1 dimension instead of KTAB's scenarios")
    ap.add_argument("--before", help="with --large: also run the code of this git revision")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--large-child", nargs=2, help=argparse.SUPPRESS)
    ap.add_argument("--compile-child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(measure(args.child, args.repeat)))
        return
    if args.compile_child:
        print(json.dumps(measure_compile()))
        return
    if args.large_child:
        print(json.dumps(measure_large(int(args.large_child[0]), args.large_child[1])))
        return
    if args.large:
        large(args.large, args.before)
        return
    print(f"{'scenario':16} {'n×d':>6} {'turns':>5} {'port s':>8} {'CPU s':>6} {'KTAB s':>7} {'speed-up':>8}"
          f" {'RSS MB':>7} {'arrays MB':>9} {'KTAB MB':>7}")
    for name, (csv, ktab_s, ktab_mb) in SCENARIOS.items():
        if args.only and name not in args.only:
            continue
        if not (KTAB / csv).exists():
            print(f"{name:16} skipped: {KTAB / csv} absent")
            continue
        out = subprocess.run([sys.executable, __file__, "--child", csv, "--repeat", str(args.repeat)],
                             check=True, capture_output=True, text=True).stdout
        m = json.loads(out)
        print(f"{name:16} {m['actors']:>3}×{m['dims']:<2} {m['turns']:>5} {m['wall_s']:>8.3f}"
              f" {m['cpu_s']:>6.3f} {ktab_s:>7.2f}"
              f" {ktab_s / m['wall_s']:>7.1f}× {m['rss_mb']:>7.1f} {m['traced_mb']:>9.1f}"
              f" {'' if ktab_mb is None else f'{ktab_mb:.0f}':>7}")


if __name__ == "__main__":
    main()

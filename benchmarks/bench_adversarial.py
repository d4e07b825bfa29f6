"""How `congress-lib build` scales on pathological input shapes.

Each shape is one synthetic report (``report.txt``, UTF-8, fixed seed) made at
1x, 4x and 16x a base size and built in-process with ``output.build``:

1. ``endless_counts``: one endless sentence of counts and percentages joined
   only by "，" (a single "。" at the very end);
2. ``enumeration``: one sentence of items joined by "、" (10^5 items at 16x);
3. ``one_line``: ordinary sentences ending in "。" on a single line, no newline;
4. ``nested_markup``: an HTML page of blocks nested ``<div>`` deep; the depth
   grows with the size up to 2,000 levels (libxml2 reads 2,048; a page nested
   10^4 deep is rejected at once with the reason, which a test checks) and the
   blocks repeat to the size;
5. ``roundup``: a citywide round-up of district sections (250/1000/4000), each a
   heading line that is only a district name and a paragraph about it (names
   are distinct for up to 4422 sections);
6. ``mentions``: one sentence of deputies, stations and offices joined by "，"
   or "和" (10^4 mentions at 16x), nearly all distinct;
7. ``few_actors``: one sentence of 10^4 mentions (at 16x) of a dozen actors with
   relation verbs between them (every piece of it joins pairs in the network).
8. ``spaced_digits``: one line of three-digit groups parted by spaces
   (``合计 123 456 … %``), ending in a sign: a digit-group run that is tried as one number
   and then given up (the shape that made digit grouping quadratic before it started
   only at a run's first group).
9. ``flat_table``: a table flattened one cell per line (a header line of column names,
   then rows of a label and one number per column, each on its own line) that runs to
   the size, a 合计 row at the end: the one table the flattened-table reader reads whole.
10. ``columns``: text laid out in two columns side by side (``pdftotext -layout``): one
   block of lines, each a left and a right column's line parted by a wide gap, running to
   the size (two paragraphs of one sentence each, every line reaching its column's edge):
   the one block the column-layout reader cuts into columns and joins back.

Byte-heavy shapes (1, 3, 4, 8, 9, 10) are the base size times 1/4/16 (the default base
makes the 16x document about 5 MB); the counts of the others (2, 5, 6, 7) scale with
the base size in the same ratio (at the default base their 16x documents are
1.8, 0.4 and 0.24 MB). A warm-up build on a tiny corpus comes first, so
imports and lexicon compilation are not timed. Each measurement runs in a
forked child process (its own process group) killed after ``--timeout``
seconds; once a size times out, the larger sizes of that shape are not run.
Every measurement is repeated ``--repeat`` times and the fastest is kept.

The growth exponent is the least-squares slope of log(seconds) on log(MB) over
the three sizes: 1.0 means linear, 2.0 quadratic; the target is <= 1.15. When a
size timed out, the timeout stands in for its time (assuming a larger document
never builds faster), so the printed value, marked "≥", is a lower bound.
Peak RSS is the growth of the measuring child's resident high-water mark
(``getrusage`` maxrss) during the build, above its resident size at fork; the
workers of ``--engine processes`` are not counted.

Finally, unless ``--comma-report-mb 0``, a comma-only report (shape 1) of that
many MB is built by ``python -m congress_lib build`` as a whole process.

    python benchmarks/bench_adversarial.py
    python benchmarks/bench_adversarial.py --base-kb 20 --shapes roundup
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import multiprocessing
import os
import platform
import random
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BASE_KB = 320
SCALES = (1, 4, 16)
COUNTS = ("sentences", "quantities", "indicators", "mentions", "edges")
CHARS = "东西南北中江河湖山林城新安平宁丰华阳泰兴庆长永定嘉德福顺昌明清文武春秋金石云海台岭川桥园港湾滨溪峰泉乐康盛宏远广青白松柏龙凤梅桃荷兰竹"
NAMES = ["".join(pair) + "区" for pair in itertools.permutations(CHARS, 2)]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = "建华国明秀英志强丽芳军伟敏静海燕红梅春玉"
CLAUSES = ("开展视察{a}次", "满意率达{p}%", "收集意见建议{b}条", "接待选民{c}人次", "办结代表建议{d}件",
           "召开座谈会{a}场", "走访群众{c}户", "同比增长{p}%", "组织代表活动{b}次", "督办重点议案{a}件")
ITEMS = ("人大代表", "代表联络站", "区政府", "社区{n}个", "街道人大工委", "议案{n}件", "选民{n}人",
         "常委会组成人员", "乡镇人大{n}个", "代表之家{n}个")
SENTENCES = ("区人大常委会听取和审议了区人民政府关于{t}工作情况的报告。",
             "全年共组织代表视察{a}次，提出意见建议{b}条。",
             "代表联络站接待群众{c}人次，解决实际问题{a}个。",
             "常委会开展{t}执法检查{a}项，督促整改问题{b}个。",
             "人大代表围绕{t}提出建议{b}件，办结率达{p}%。")
TOPICS = ("生态环境保护", "义务教育", "养老服务", "食品安全", "城市管理", "乡村振兴", "安全生产")


def _fill(rng: random.Random, template: str) -> str:
    return template.format(a=rng.randint(1, 99), b=rng.randint(10, 999), c=rng.randint(100, 9999),
                           d=rng.randint(1, 500), n=rng.randint(1, 300), p=f"{rng.randint(500, 999) / 10:.1f}",
                           t=rng.choice(TOPICS))


def _until(nbytes: int, make, sep: str = "") -> str:
    """Join the results of ``make()`` with ``sep`` until they hold ``nbytes`` of UTF-8."""
    parts, size, extra = [], 0, len(sep.encode("utf-8"))
    while size < nbytes:
        parts.append(make())
        size += len(parts[-1].encode("utf-8")) + extra
    return sep.join(parts)


#: The deepest nesting the HTML parser (libxml2) reads; a deeper page is rejected with
#: the reason, unread (see ``congress_lib.ingest.html_to_text``).
MAX_DEPTH = 2048


def depth(scale: float) -> int:
    """Nesting depth of ``nested_markup``: grows with the size, up to the parser's limit."""
    return max(1, min(round(625 * scale), MAX_DEPTH - 48))


def endless_counts(rng: random.Random, nbytes: int, scale: float) -> str:
    return _until(nbytes, lambda: _fill(rng, rng.choice(CLAUSES)), "，") + "。\n"


def enumeration(rng: random.Random, nbytes: int, scale: float) -> str:
    items = (_fill(rng, rng.choice(ITEMS)) for _ in range(max(1, round(6250 * scale))))
    return "本年度参与监督工作的有" + "、".join(items) + "。\n"


def one_line(rng: random.Random, nbytes: int, scale: float) -> str:
    return _until(nbytes, lambda: _fill(rng, rng.choice(SENTENCES)))


def nested_markup(rng: random.Random, nbytes: int, scale: float) -> str:
    n = depth(scale)

    def block() -> str:
        body = "".join(_fill(rng, rng.choice(SENTENCES)) for _ in range(3))
        return "<div>" * n + f"<p>{body}</p>" + "</div>" * n

    return "<html><body>\n" + _until(nbytes, block, "\n") + "\n</body></html>\n"


def roundup(rng: random.Random, nbytes: int, scale: float) -> str:
    parts = ["全市各区人大工作综述"]
    for i in range(max(1, round(250 * scale))):
        name = NAMES[i % len(NAMES)]
        parts += [name, f"{name}人大常委会组织代表视察{rng.randint(1, 99)}次，"
                        f"{name}人民政府办结建议{rng.randint(10, 999)}件。"]
    return "\n".join(parts) + "\n"


def mentions(rng: random.Random, nbytes: int, scale: float) -> str:
    def mention() -> str:
        place = rng.choice(NAMES)[:2]
        kind = rng.randrange(3)
        if kind == 0:
            return "人大代表" + rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, 2))
        return place + ("代表联络站" if kind == 1 else "街道办事处")

    parts = [mention()]
    for _ in range(max(1, round(625 * scale)) - 1):
        parts += [rng.choice("，和"), mention()]
    return "会议期间，" + "".join(parts) + "共同参加了专题调研。\n"


def few_actors(rng: random.Random, nbytes: int, scale: float) -> str:
    """One sentence of 10^4 mentions (at 16x) of a dozen actors, with relation verbs
    between them: under the bound on actors per sentence, so every piece joins pairs."""
    actors = ["区人大代表", "市人大代表", "代表联络站", "代表之家", "区人民政府", "区人民法院",
              "区教育局", "承办单位", "区人大常委会", "街道人大工委", "镇人大主席团", "代表小组"]
    verbs = ["督办", "联系", "走访", "答复", "和", "与"]
    parts = [rng.choice(actors)]
    for _ in range(max(1, round(625 * scale)) - 1):
        parts += [rng.choice(verbs), rng.choice(actors)]
    return "".join(parts) + "。\n"


def spaced_digits(rng: random.Random, nbytes: int, scale: float) -> str:
    return "合计 " + _until(nbytes, lambda: f"{rng.randint(100, 999)}", " ") + "%\n"


def flat_table(rng: random.Random, nbytes: int, scale: float) -> str:
    units = ["区教育局", "区卫健委", "区住建局", "区交通局", "区民政局", "区水务局", "区财政局", "街道办事处"]
    rows = _until(nbytes, lambda: f"{rng.choice(units)}\n{rng.randint(1, 99)}\n{rng.randint(1, 99)}.{rng.randint(0, 9)}\n")
    return "各单位承办代表建议情况\n单位\n件数\n百分比(%)\n" + rows + "合计\n500\n100\n"


def columns(rng: random.Random, nbytes: int, scale: float) -> str:
    left = ["区人大代表围绕民生实事开展视察", "各代表小组收集群众意见建议共计", "常委会组成人员分组联系基层代表"]
    right = ["承办单位逐件研究代表建议并答复", "区政府各部门按期办结代表的意见", "代表对办理结果表示满意和基本满"]
    rows = _until(nbytes, lambda: f"    {rng.choice(left)}{rng.randint(10, 99)}      {rng.choice(right)}\n")
    return rows + "    代表履职工作取得实效。            意。\n"


def roster(rng: random.Random, nbytes: int, scale: float) -> str:
    """A roster: each line introduces a new named deputy and names an earlier one bare, so the
    document's list of deputies' names (whose recurrences are deputy mentions) grows with it."""
    names: list[str] = []

    def line() -> str:
        name = rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, 2))
        earlier = rng.choice(names) if names else name
        names.append(name)
        return f"区人大代表{name}介绍了走访情况，{earlier}作了补充。\n"

    return _until(nbytes, line)


SHAPES = {f.__name__: f for f in (endless_counts, enumeration, one_line, nested_markup, roundup, mentions,
                                  few_actors, spaced_digits, flat_table, columns, roster)}


def _measure(folder: Path, out: Path, engine: str, conn) -> None:
    """Child process: build ``folder`` into ``out``; send (seconds, peak RSS growth in MiB)."""
    os.setsid()  # its own process group: a timeout also kills the workers of --engine processes
    from congress_lib import output

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    output.build(folder, out, engine=engine, progress=False)
    seconds = time.perf_counter() - start
    grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    conn.send((seconds, grown / 1024 if sys.platform != "darwin" else grown / 2**20))


def _kill_group(proc) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:  # (not yet in its own group, or already gone)
        proc.kill()


def measure(folder: Path, out: Path, engine: str, timeout: float) -> tuple[float, float] | str:
    """(seconds, peak RSS growth MiB) of one build in a forked child, or "timeout" / "error"."""
    shutil.rmtree(out, ignore_errors=True)
    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_measure, args=(folder, out, engine, send), daemon=True)
    proc.start()
    send.close()
    try:
        if not receive.poll(timeout):
            return "timeout" if proc.is_alive() else "error"
        return receive.recv()
    except EOFError:  # the child died without sending (the build raised)
        return "error"
    finally:
        if proc.is_alive():
            _kill_group(proc)
        proc.join()


def end_to_end(work: Path, mb: float, timeout: float) -> str:
    """Build a comma-only report of ``mb`` MB with the command line, as a whole process; a report line."""
    folder = work / "e2e"
    folder.mkdir()
    text = endless_counts(random.Random(1), int(mb * 1e6), 0)
    (folder / "report.txt").write_text(text, encoding="utf-8")
    written = (folder / "report.txt").stat().st_size / 1e6
    label = f"end-to-end `python -m congress_lib build`, {written:.1f} MB comma-only report"
    cmd = [sys.executable, "-m", "congress_lib", "build", str(folder), "--out", str(work / "e2e-out")]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT,
                            start_new_session=True)
    try:
        _, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        return f"{label}: timeout (> {timeout:g} s)"
    seconds = time.perf_counter() - start
    if proc.returncode:
        return f"{label}: failed (exit {proc.returncode}): {err.decode(errors='replace')[-500:]}"
    return f"{label}: {seconds:.2f} s wall clock"


def exponent(sizes: list[float], results: list, timeout: float) -> str:
    """Growth exponent over the three sizes; "≥": a lower bound, the timeout standing in for a time."""
    if not isinstance(results[0], tuple) or "error" in results:
        return "n/a"
    xs = [math.log(s) for s in sizes]
    ys = [math.log(r[0] if isinstance(r, tuple) else timeout) for r in results]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
    bound = "≥" if any(not isinstance(r, tuple) for r in results) else ""
    return f"{bound}{slope:.2f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base-kb", type=float, default=DEFAULT_BASE_KB, help="size of the 1x document, KB")
    parser.add_argument("--shapes", default=",".join(SHAPES), help=f"comma-separated subset of {','.join(SHAPES)}")
    parser.add_argument("--repeat", type=int, default=1, help="runs per measurement; the fastest is kept")
    parser.add_argument("--engine", choices=("serial", "processes"), default="serial")
    parser.add_argument("--timeout", type=float, default=300, help="seconds before a build is killed")
    parser.add_argument("--comma-report-mb", type=float, default=6, help="end-to-end comma-only report, MB (0: off)")
    parser.add_argument("--keep", action="store_true", help="keep the documents and outputs")
    args = parser.parse_args()
    shapes = [s for s in args.shapes.split(",") if s]
    unknown = sorted(set(shapes) - set(SHAPES))
    if unknown:
        parser.error(f"unknown shapes {unknown}; choose from {', '.join(SHAPES)}")
    sys.path.insert(0, str(ROOT))
    from congress_lib import output

    work = Path(tempfile.mkdtemp(prefix="congress-adversarial-"))
    try:
        warm = work / "warmup"
        warm.mkdir()
        rng = random.Random(0)
        (warm / "report.txt").write_text("".join(SHAPES[s](rng, 300, 0.01) for s in SHAPES), encoding="utf-8")
        output.build(warm, work / "warmup-out", engine=args.engine, progress=False)
        rows = []
        for shape in shapes:
            sizes, results, manifest = [], [], {}
            for mult in SCALES:
                scale = args.base_kb / DEFAULT_BASE_KB * mult
                folder = work / f"{shape}-{mult}x"
                folder.mkdir()
                text = SHAPES[shape](random.Random(mult), int(args.base_kb * 1024 * mult), scale)
                (folder / "report.txt").write_text(text, encoding="utf-8")
                sizes.append((folder / "report.txt").stat().st_size / 1e6)
                if results and not isinstance(results[-1], tuple):
                    results.append("skipped")
                    continue
                out = work / f"{shape}-{mult}x-out"
                runs = []
                for _ in range(args.repeat):
                    runs.append(measure(folder, out, args.engine, args.timeout))
                    if not isinstance(runs[-1], tuple):
                        break
                results.append(runs[-1] if not isinstance(runs[-1], tuple) else min(runs))
                shown = f"{results[-1][0]:.2f} s" if isinstance(results[-1], tuple) else results[-1]
                print(f"[{shape} {mult}x] {sizes[-1]:.3f} MB: {shown}", file=sys.stderr, flush=True)
                if mult == SCALES[-1] and isinstance(results[-1], tuple):
                    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["rows"]
            rows.append((shape, sizes, results, manifest))
        e2e = end_to_end(work, args.comma_report_mb, args.timeout) if args.comma_report_mb > 0 else None
    finally:
        if args.keep:
            print(f"kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)

    print(f"# Adversarial shapes: `congress-lib build` ({args.engine} engine)\n")
    print(f"{platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
          f"{time.strftime('%Y-%m-%d %H:%M %Z')}")
    print(f"base {args.base_kb:g} KB, sizes 1x/4x/16x, fastest of {args.repeat}, timeout {args.timeout:g} s\n")
    head = ["shape", "MB 1x", "MB 4x", "MB 16x", "s 1x", "s 4x", "s 16x", "s/MB 16x", "exponent",
            "RSS +MiB 16x", *COUNTS]
    print("| " + " | ".join(head) + " |")
    print("|" + "|".join("---" if i == 0 else "---:" for i in range(len(head))) + "|")
    for shape, sizes, results, manifest in rows:
        secs = [f"{r[0]:.2f}" if isinstance(r, tuple) else r for r in results]
        last = results[-1]
        per_mb = f"{last[0] / sizes[-1]:.2f}" if isinstance(last, tuple) else "-"
        rss = f"{last[1]:.0f}" if isinstance(last, tuple) else "-"
        counts = [str(manifest.get(c, "-")) for c in COUNTS]
        cells = [shape, *(f"{s:.3f}" for s in sizes), *secs, per_mb, exponent(sizes, results, args.timeout),
                 rss, *counts]
        print("| " + " | ".join(cells) + " |")
    if "nested_markup" in shapes:
        levels = "/".join(str(depth(args.base_kb / DEFAULT_BASE_KB * m)) for m in SCALES)
        print(f"\nnested_markup: nesting depth grows with the size ({levels} levels at 1x/4x/16x; "
              f"deeper than {MAX_DEPTH} a page is rejected).")
    print("exponent: slope of log(seconds) on log(MB); 1.0 = linear, target <= 1.15; ≥: a lower bound "
          "(a size timed out). RSS: growth of the measuring process's peak resident set during the build.")
    if e2e:
        print(f"\n{e2e}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

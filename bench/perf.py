"""Speed at scale: import, index rebuild, API latency through gunicorn, the engine's own share,
SQL queries per request, memory of the web process and the home page.

    .venv/bin/python bench/perf.py                          # 1k, 10k and 100k listings
    .venv/bin/python bench/perf.py --scales 10k --runs 50   # one scale, more runs
    .venv/bin/python bench/perf.py --scales 10k --only matches   # import, rebuild, then matches figures only

Every run is throwaway: a temp directory with its own SQLite file (migrated once, then copied per
scale), its own media folder and a fresh embedded search engine (osmem-server) per scale, or
ELASTICSEARCH_URL with a fresh index prefix. The dev site's db.sqlite3 and media are never touched.
Data comes from bench/generate.py (made on demand, same seed, same files). Prints a table and
writes the figures as JSON (--json).

What is measured, per scale:
- import: `import_premises` of the scale's premises.csv (wall time, one run, including the search
  sync after the commit); offers are imported too
- rebuild: `search_index --rebuild` (wall time, one run)
- with the embedded engine: its CPU seconds during the import and during the rebuild (the share of
  the wall time the engine itself worked), the command's own CPU seconds (the application's
  part), and the load average before and after
  (`--no-http`: only these, no server and no latencies)
- HTTP through gunicorn (2 workers; threads and keep-alive from the project's gunicorn.conf.py;
  one client, sequential, after warm-up): GET /api/v1/premises with text + city + radius + use
  type + feature + area filter (the answer always has facets), and
  POST /api/v1/matches with the generated seeker profiles; median, p95 and run count
- engine: the engine requests the application makes for each of those requests, recorded in a
  Django process and sent again straight to the engine over HTTP (so: the same queries, without
  the application); app share = (HTTP median - engine median) / engine median
- SQL queries per request at page size 10 and 50 (Django test client, CaptureQueriesContext)
- RSS of the gunicorn master and workers after the load
- home page: HTTP median through gunicorn and its SQL query count
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
SCALES = {"1k": 1000, "10k": 10000, "100k": 100000}


# ----------------------------------------------------------------- helpers


def percentile(values, fraction):
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def summary(values_ms):
    if not values_ms:
        return {"median_ms": float("nan"), "p95_ms": float("nan"), "runs": 0}
    return {"median_ms": round(statistics.median(values_ms), 1), "p95_ms": round(percentile(values_ms, 0.95), 1),
            "runs": len(values_ms)}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def premises_queries(profiles, page_size=20):
    """Search-page style queries derived from the generated profiles: text + town + radius +
    use type + at most one feature + minimum area; facets come with every answer."""
    words = {"Café": "gastronomy", "Laden": "retail", "Büro": "office", "Werkstatt": "craft", "Atelier": "studio"}
    queries = []
    for index, profile in enumerate(profiles):
        use = profile["use_types"][0]
        word = next((w for w, u in words.items() if u == use), "Fläche")
        params = [("q", word), ("city", profile["location"]["city"]), ("radius_km", profile["radius_km"]),
                  ("use_type", use), ("area_min", profile["area_min"] // 2), ("page_size", page_size)]
        if profile["features"] and index % 2:
            params.append(("feature", profile["features"][0]))
        queries.append(urlencode(params))
    return queries


def match_bodies(profiles, limit=10):
    return [dict(profile, limit=limit) for profile in profiles]


class Client:
    """One keep-alive HTTP connection; returns (status, body bytes, elapsed ms)."""

    def __init__(self, base):
        parts = urlsplit(base)
        self.host, self.port = parts.hostname, parts.port
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=60)

    def request(self, method, path, body=None, headers=None):
        headers = dict(headers or {})
        if body is not None and not isinstance(body, (bytes, str)):
            body = json.dumps(body)
            headers["Content-Type"] = "application/json"
        started = time.perf_counter()
        try:
            self.conn.request(method, path, body=body, headers=headers)
            response = self.conn.getresponse()
            data = response.read()
        except (http.client.HTTPException, OSError):
            self.conn.close()
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
            self.conn.request(method, path, body=body, headers=headers)
            response = self.conn.getresponse()
            data = response.read()
        return response.status, data, (time.perf_counter() - started) * 1000


def rss_mb(pid):
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


def children(pid):
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


# ----------------------------------------------------------------- orchestration


def run_manage(env, *args, quiet=True):
    started = time.perf_counter()
    result = subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=quiet, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.stderr.write((result.stdout or "") + (result.stderr or ""))
        raise SystemExit(f"manage.py {' '.join(args)} failed")
    return elapsed, (result.stdout or "")


def start_engine():
    if os.environ.get("ELASTICSEARCH_URL"):
        return os.environ["ELASTICSEARCH_URL"], None
    from osmem_server import OsmemServer

    server = OsmemServer.start(japanese=False, addr="127.0.0.1:0")
    return server.url, server


def base_env(tmp, db_file, engine_url, prefix):
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL",)}
    env.update({
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DEBUG": "0",
        "SECRET_KEY": "bench-only",
        "DATABASE_URL": f"sqlite:///{db_file}",
        "ELASTICSEARCH_URL": engine_url,
        "SEARCH_INDEX_PREFIX": prefix,
        "MEDIA_ROOT": str(ROOT / "bench" / "data" / f"media-{MIGRATIONS_KEY}"),
        "STATIC_ROOT": str(tmp / "static"),
        "DEMO_LOGINS_ENABLED": "0",
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "LOG_LEVEL": "ERROR",
        "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'site'}",
    })
    return env


def ensure_data(scale):
    folder = ROOT / "bench" / "data" / scale
    if not (folder / "premises.csv").exists():
        subprocess.run([PYTHON, str(ROOT / "bench" / "generate.py"), "--listings", str(SCALES[scale])], check=True)
    return folder


KINDS = ("premises", "matches", "home")


def http_phase(env, data, runs, kinds=KINDS):
    """gunicorn with 2 workers; sequential requests from one client (``kinds``: which figures)."""
    port = free_port()
    server = subprocess.Popen(
        [str(Path(PYTHON).with_name("gunicorn")), "config.wsgi:application", "-w", "2", "-b", f"127.0.0.1:{port}",
         "--chdir", str(ROOT), "--log-level", "warning", "--timeout", "120"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    figures = {}
    try:
        for _ in range(300):
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                time.sleep(0.2)
        # two connections so that both workers warm up
        clients = [Client(base), Client(base)]
        profiles = json.loads((data / "profiles.json").read_text(encoding="utf-8"))
        queries = premises_queries(profiles)
        bodies = match_bodies(profiles)

        def requests(i):
            return [(name, method, path, body) for name, method, path, body in (
                ("premises", "GET", "/api/v1/premises?" + queries[i % len(queries)], None),
                ("matches", "POST", "/api/v1/matches", bodies[i % len(bodies)]),
                ("home", "GET", "/", None),
            ) if name in kinds]

        for client in clients:
            for i in range(6):
                for _, method, path, body in requests(i):
                    client.request(method, path, body)
        client = clients[0]
        timings = {name: [] for name in kinds}
        failures = {name: 0 for name in timings}
        for i in range(runs):
            for name, method, path, body in requests(i):
                status, _, ms = client.request(method, path, body)
                if status == 200:
                    timings[name].append(ms)
                else:  # e.g. 503 when the engine exceeded the client's timeout: counted, not timed
                    failures[name] += 1
        figures = {name: dict(summary(values), failed=failures[name]) for name, values in timings.items()}
        figures["rss_mb"] = {"master": rss_mb(server.pid), "workers": [rss_mb(pid) for pid in children(server.pid)]}
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
    return figures


def cpu_seconds(pid):
    """CPU time (user + system) of a process so far; None when it cannot be read."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


def children_cpu_seconds():
    """CPU time (user + system) of this process's finished children (the manage.py commands)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_manage(env, engine, *args):
    """Wall time of a command, the embedded engine's CPU seconds meanwhile (None for an external
    engine) and the command's own CPU seconds: how the wall time splits between engine and app."""
    before, own_before = (cpu_seconds(engine.pid) if engine is not None else None), children_cpu_seconds()
    elapsed, _ = run_manage(env, *args)
    after, own_after = (cpu_seconds(engine.pid) if engine is not None else None), children_cpu_seconds()
    engine_cpu = round(after - before, 1) if before is not None and after is not None else None
    return round(elapsed, 1), engine_cpu, round(own_after - own_before, 1)


def bench_scale(scale, template, tmp, runs, kinds=KINDS, http=True):
    data = ensure_data(scale)
    db_file = tmp / f"{scale}.sqlite3"
    shutil.copy(template, db_file)
    engine_url, engine = start_engine()
    prefix = f"bench{os.getpid()}_{scale}_"
    env = base_env(tmp, db_file, engine_url, prefix)
    try:
        load = os.getloadavg()[0]
        import_s, import_engine, import_app = timed_manage(env, engine, "import_premises", str(data / "premises.csv"))
        if (data / "offers.csv").exists():
            run_manage(env, "import_offers", str(data / "offers.csv"))
        rebuild_s, rebuild_engine, rebuild_app = timed_manage(env, engine, "search_index", "--rebuild")
        result = {"scale": scale, "listings": SCALES[scale], "import_s": import_s, "rebuild_s": rebuild_s,
                  "import_engine_cpu_s": import_engine, "rebuild_engine_cpu_s": rebuild_engine,
                  "import_app_cpu_s": import_app, "rebuild_app_cpu_s": rebuild_app,
                  "load_before": round(load, 1), "load_after_rebuild": round(os.getloadavg()[0], 1)}
        if not http:
            return result
        result["http"] = http_phase(env, data, runs, kinds)
        print(json.dumps(result, ensure_ascii=False), flush=True)
        inproc = subprocess.run(
            [PYTHON, __file__, "_inproc", "--data", str(data), "--runs", str(runs), "--only", ",".join(kinds)],
            cwd=ROOT, env=env, capture_output=True, text=True,
        )
        if inproc.returncode != 0:
            sys.stderr.write(inproc.stdout + inproc.stderr)
            raise SystemExit("in-process measurements failed")
        result.update(json.loads(inproc.stdout.strip().splitlines()[-1]))
        for kind in [k for k in ("premises", "matches") if k in kinds]:
            total = result["http"][kind]["median_ms"]
            engine_ms = result["engine"][kind]["median_ms"]
            ok = engine_ms and total == total  # NaN when every request failed
            result["engine"][kind]["app_share"] = round((total - engine_ms) / engine_ms, 2) if ok else None
        return result
    finally:
        if engine is not None:
            engine.close()


def _migrations_key():
    """Changes whenever a migration file is added or edited (the cached template is then rebuilt)."""
    import hashlib

    digest = hashlib.sha256()
    for path in sorted(ROOT.glob("**/migrations/*.py")):
        if ".venv" not in path.parts:
            digest.update(str(path.relative_to(ROOT)).encode() + path.read_bytes())
    return digest.hexdigest()[:12]


MIGRATIONS_KEY = _migrations_key()


def prepare_template(tmp):
    """A migrated and seeded SQLite file, cached in bench/data/ (gitignored) per migration state."""
    cached = ROOT / "bench" / "data" / f"template-{MIGRATIONS_KEY}.sqlite3"
    if cached.exists():
        return cached, 0.0
    template = tmp / "template.sqlite3"
    engine_url, engine = start_engine()
    env = base_env(tmp, template, engine_url, f"bench{os.getpid()}_template_")
    try:
        migrate_s, _ = run_manage(env, "migrate", "--noinput")
        run_manage(env, "seed_demo")
    finally:
        if engine is not None:
            engine.close()
    cached.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(template, cached)
    return cached, migrate_s


def print_table(results):
    print()
    print(f"{'':34}" + "".join(f"{r['scale']:>22}" for r in results))
    for label, key in (("import (s)", "import_s"), ("  engine CPU meanwhile (s)", "import_engine_cpu_s"),
                       ("  the command's own CPU (s)", "import_app_cpu_s"),
                       ("index rebuild (s)", "rebuild_s"), ("  engine CPU meanwhile (s)", "rebuild_engine_cpu_s"),
                       ("  the command's own CPU (s)", "rebuild_app_cpu_s"),
                       ("load average before / after", None)):
        cells = [f"{r['load_before']} / {r['load_after_rebuild']}" if key is None else r[key] for r in results]
        print(f"{label:34}" + "".join(f"{str(cell):>22}" for cell in cells))
    if not all("http" in r for r in results):
        return
    rows = [
        ("GET premises median/p95 (ms)", lambda r: f"{r['http']['premises']['median_ms']}/{r['http']['premises']['p95_ms']}"),
        ("  engine median/p95 (ms)", lambda r: f"{r['engine']['premises']['median_ms']}/{r['engine']['premises']['p95_ms']}"),
        ("  app share (x engine)", lambda r: r["engine"]["premises"]["app_share"]),
        ("POST matches median/p95 (ms)", lambda r: f"{r['http']['matches']['median_ms']}/{r['http']['matches']['p95_ms']}"),
        ("  engine median/p95 (ms)", lambda r: f"{r['engine']['matches']['median_ms']}/{r['engine']['matches']['p95_ms']}"),
        ("  app share (x engine)", lambda r: r["engine"]["matches"]["app_share"]),
        ("home median/p95 (ms)", lambda r: f"{r['http']['home']['median_ms']}/{r['http']['home']['p95_ms']}"),
        ("RSS master/workers (MB)", lambda r: f"{r['http']['rss_mb']['master']}/{r['http']['rss_mb']['workers']}"),
    ]
    first = results[0]

    def cell(get, r):
        try:
            return str(get(r))
        except KeyError:  # a figure left out with --only
            return "-"

    for label, get in rows:
        print(f"{label:34}" + "".join(f"{cell(get, r):>22}" for r in results))
    runs = lambda r: max(f["runs"] for k, f in r["http"].items() if k != "rss_mb")  # noqa: E731
    print(f"{'runs per figure':34}" + "".join(f"{cell(runs, r):>22}" for r in results))
    print()
    print("SQL queries per request (page size 10 / 50):")
    for name in first["queries"]:
        print(f"  {name:40}" + "".join(f"{str(r['queries'][name]):>16}" for r in results))


def main(argv=None):
    parser = argparse.ArgumentParser(description="Speed at scale (throwaway database and engine)")
    parser.add_argument("--scales", default="1k,10k,100k")
    parser.add_argument("--runs", type=int, default=40, help="timed requests per figure")
    parser.add_argument("--json", default=None, help="write the figures to this file")
    parser.add_argument("--no-http", action="store_true",
                        help="only import and rebuild (with the engine's CPU time meanwhile); no server, no latencies")
    parser.add_argument("--only", default=",".join(KINDS),
                        help="comma-separated figures to measure after import and rebuild: premises, matches, home "
                             "(default: all; SQL counts are then only those of the chosen requests)")
    args = parser.parse_args(argv)
    kinds = tuple(k for k in KINDS if k in {s.strip() for s in args.only.split(",")})
    if not kinds or set(args.only.split(",")) - set(KINDS):
        raise SystemExit(f"--only: choose from {list(KINDS)}")
    scales = [s.strip() for s in args.scales.split(",") if s.strip()]
    unknown = [s for s in scales if s not in SCALES]
    if unknown:
        raise SystemExit(f"unknown scale(s): {unknown}; choose from {list(SCALES)}")
    tmp = Path(tempfile.mkdtemp(prefix="imz-bench-"))
    try:
        template, migrate_s = prepare_template(tmp)
        print(f"template database migrated and seeded in {migrate_s:.0f} s", flush=True)
        results = []
        for scale in scales:
            print(f"{scale}: import, rebuild, HTTP and in-process measurements ...", flush=True)
            results.append(bench_scale(scale, template, tmp, args.runs, kinds, http=not args.no_http))
            print(json.dumps(results[-1], ensure_ascii=False), flush=True)
        print_table(results)
        if args.json:
            Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


# ----------------------------------------------------------------- in-process part (Django set up)


def inproc(argv):
    parser = argparse.ArgumentParser()
    parser.add_argument("--data")
    parser.add_argument("--runs", type=int)
    parser.add_argument("--only", default=",".join(KINDS))
    args = parser.parse_args(argv)
    kinds = args.only.split(",")
    sys.path[:0] = [str(ROOT), str(ROOT / "site")]
    import django

    django.setup()
    from django.db import connection
    from django.test import Client as DjangoClient
    from django.test.utils import CaptureQueriesContext, setup_test_environment
    from elastic_transport import Transport

    setup_test_environment()
    data = Path(args.data)
    profiles = json.loads((data / "profiles.json").read_text(encoding="utf-8"))
    client = DjangoClient()

    # 1. record the engine requests behind each API request, then send them straight to the engine
    recorded = []
    original = Transport.perform_request

    def recording(self, method, target, *, body=None, headers=None, **kwargs):
        recorded.append((method, target, body))
        return original(self, method, target, body=body, headers=headers, **kwargs)

    Transport.perform_request = recording
    per_request = {kind: [] for kind in ("premises", "matches") if kind in kinds}
    try:
        for query in premises_queries(profiles)[: args.runs] if "premises" in kinds else []:
            recorded.clear()
            if client.get("/api/v1/premises?" + query).status_code == 200:
                per_request["premises"].append(list(recorded))
        for body in match_bodies(profiles)[: args.runs] if "matches" in kinds else []:
            recorded.clear()
            if client.post("/api/v1/matches", body, content_type="application/json").status_code == 200:
                per_request["matches"].append(list(recorded))
    finally:
        Transport.perform_request = original

    engine = Client(os.environ["ELASTICSEARCH_URL"])
    engine_figures = {}
    for kind, requests in per_request.items():
        for calls in requests[:3]:  # warm-up
            for method, target, body in calls:
                engine.request(method, target, body if body is not None else None)
        times = []
        for calls in requests:
            total = 0.0
            for method, target, body in calls:
                _, _, ms = engine.request(method, target, body)
                total += ms
            times.append(total)
        engine_figures[kind] = summary(times) if times else {"median_ms": None, "p95_ms": None, "runs": 0}
        engine_figures[kind]["engine_calls_per_request"] = max((len(calls) for calls in requests), default=0)

    # 2. SQL queries per request, page size 10 and 50
    profile = profiles[0]
    sample = premises_queries([profile], page_size=10)[0]
    wide = premises_queries([profile], page_size=50)[0]
    city = profile["location"]["city"]

    def count(method, path, body=None):
        # once before counting: the cached site frame and per-process caches are built once, not per request
        client.get(path) if method == "GET" else client.post(path, body, content_type="application/json")
        with CaptureQueriesContext(connection) as ctx:
            if method == "GET":
                response = client.get(path)
            else:
                response = client.post(path, body, content_type="application/json")
        if response.status_code != 200:
            return f"HTTP {response.status_code}"
        return len(ctx.captured_queries)

    seeker = urlencode([("kind", profile["kind"]), ("use_types", profile["use_types"][0]), ("city", city),
                        ("radius_km", profile["radius_km"]), *[("needs", n) for n in profile["needs"]]])
    def pair(method, small, wide, body=None):
        """Queries at page size (or limit) 10 and 50."""
        if method == "POST":
            return f"{count(method, small, dict(body, limit=10))} / {count(method, wide, dict(body, limit=50))}"
        return f"{count(method, small)} / {count(method, wide)}"

    results, site_search = "/passend/ergebnisse/?" + seeker, "/suche/?q=Laden"
    counts = {  # name → (figure kind, how to count)
        "GET /api/v1/premises": ("premises", lambda: pair("GET", "/api/v1/premises?" + sample, "/api/v1/premises?" + wide)),
        "GET /flaechen/ (list page)": ("premises", lambda: pair("GET", "/flaechen/?" + sample, "/flaechen/?" + wide)),
        "POST /api/v1/matches (limit)": ("matches", lambda: pair("POST", "/api/v1/matches", "/api/v1/matches", profile)),
        "GET /passend/ergebnisse/ (limit)": ("matches", lambda: pair("GET", results + "&limit=10", results + "&limit=50")),
        "GET /suche/?q=Laden (all / premises)": ("premises", lambda: pair("GET", site_search, site_search + "&typ=premises")),
        "GET / (home)": ("home", lambda: f"{count('GET', '/')}"),
    }
    queries = {name: how() for name, (kind, how) in counts.items() if kind in kinds}
    print(json.dumps({"engine": engine_figures, "queries": queries}))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "_inproc":
        inproc(sys.argv[2:])
    else:
        main()

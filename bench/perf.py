"""Speed at scale: import, index rebuild (alone and while visitors search), API latency through
gunicorn, the engine's own share, SQL queries per request, memory of the web process and of the
engine, the home page and autocomplete.

    .venv/bin/python bench/perf.py                          # 1k, 10k and 100k listings
    .venv/bin/python bench/perf.py --scales 10k --runs 50   # one scale, more runs
    .venv/bin/python bench/perf.py --scales 10k --only matches   # import, rebuild, then matches figures only

Every run is throwaway: a temp directory with its own SQLite file (migrated once, then copied per
scale), its own media folder and a fresh search engine per scale: one OpenSearch node started from
Maven by ``search.engine.launch.start`` (heap 2 GB, stopped at the end of the scale), or
ELASTICSEARCH_URL with a fresh index prefix (then no engine CPU or RSS: the process is not ours).
The dev site's db.sqlite3 and media are never touched. Data comes from bench/generate.py (made on
demand, same seed, same files). Prints a table and writes the figures as JSON (--json).

What is measured, per scale:
- import: `import_premises` of the scale's premises.csv (wall time, one run, including the search
  sync after the commit); offers are imported too. Before it the fresh engine is warmed by one
  import of the 10k set into throwaway indices (a served cluster's JIT is never cold; `--cold`
  times the first write of a fresh JVM instead)
- rebuild: `search_index --rebuild` (every index and the pages; wall time, one run, nobody searching)
- the engine's CPU seconds (utime + stime of the JVM from /proc/<pid>/stat) during the import and
  during the rebuild, the command's own CPU seconds (the application's part), /proc/loadavg before
  and after (`--no-http`: only these and the engine's memory, no server and no latencies)
- rebuild under load: gunicorn up, a thread sends premises API searches (text + filters, with
  counts taken before) and autocomplete requests over its own connection while a second
  `search_index --rebuild` runs; counted: failed (5xx or no answer) and short (fewer hits than
  before the rebuild) answers, latency median / p95 / max meanwhile
- HTTP through gunicorn (2 workers; threads and keep-alive from the project's gunicorn.conf.py;
  one client, sequential, after warm-up): GET /api/v1/premises with text + city + radius + use
  type + feature + area filter (the answer always has facets), POST /api/v1/matches with the
  generated seeker profiles, GET /suche/autocomplete?q=<what a visitor has typed so far> and
  GET /; median, p95 and run count
- engine: the engine requests the application makes for each of those requests (recorded in a
  Django process by wrapping opensearchpy's ``Transport.perform_request``) sent again straight to
  the engine over HTTP (the same queries, without the application);
  app share = (HTTP median - engine median) / engine median
- SQL queries per request at page size 10 and 50 (Django test client, CaptureQueriesContext)
- RSS of the gunicorn master and workers after the load
- the engine's memory at the end of the scale: JVM heap used / max (GET /_nodes/stats/jvm) and
  the JVM's RSS (VmRSS in /proc/<pid>/status)
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
SCALES = {"1k": 1000, "10k": 10000, "100k": 100000}
ENGINE_HEAP = "2g"


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


def loadavg() -> str:
    """The 1, 5 and 15 minute load averages, as /proc/loadavg has them."""
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


USE_WORDS = {"Café": "gastronomy", "Laden": "retail", "Büro": "office", "Werkstatt": "craft", "Atelier": "studio"}


def premises_queries(profiles, page_size=20):
    """Search-page style queries derived from the generated profiles: text + town + radius +
    use type + at most one feature + minimum area; facets come with every answer."""
    queries = []
    for index, profile in enumerate(profiles):
        use = profile["use_types"][0]
        word = next((w for w, u in USE_WORDS.items() if u == use), "Fläche")
        params = [("q", word), ("city", profile["location"]["city"]), ("radius_km", profile["radius_km"]),
                  ("use_type", use), ("area_min", profile["area_min"] // 2), ("page_size", page_size)]
        if profile["features"] and index % 2:
            params.append(("feature", profile["features"][0]))
        queries.append(urlencode(params))
    return queries


def autocomplete_queries(profiles):
    """What a visitor has typed so far: a word's beginning (3 letters to all of it), every third
    time followed by the beginning of a town ("Büro Je")."""
    queries = []
    for index, profile in enumerate(profiles):
        use = profile["use_types"][0]
        word = next((w for w, u in USE_WORDS.items() if u == use), "Fläche")
        typed = word[: 3 + index % (len(word) - 2)]
        if index % 3 == 2:
            typed = f"{word} {profile['location']['city'][:2 + index % 4]}"
        queries.append(urlencode([("q", typed)]))
    return queries


def match_bodies(profiles, limit=10):
    return [dict(profile, limit=limit) for profile in profiles]


class Client:
    """One keep-alive HTTP connection; returns (status, body bytes, elapsed ms)."""

    def __init__(self, base, timeout=60):
        parts = urlsplit(base)
        self.host, self.port, self.timeout = parts.hostname, parts.port, timeout
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=timeout)

    def request(self, method, path, body=None, headers=None):
        headers = dict(headers or {})
        if body is not None and not isinstance(body, (bytes, str)):
            body = json.dumps(body)
        if body is not None:
            headers.setdefault("Content-Type", "application/json")
        started = time.perf_counter()
        try:
            self.conn.request(method, path, body=body, headers=headers)
            response = self.conn.getresponse()
            data = response.read()
        except (http.client.HTTPException, OSError):
            self.conn.close()
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            self.conn.request(method, path, body=body, headers=headers)
            response = self.conn.getresponse()
            data = response.read()
        self.last_headers = response.headers
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


def cpu_seconds(pid):
    """CPU time (user + system, clock ticks in /proc/<pid>/stat) of a process so far; None when it
    cannot be read."""
    if pid is None:
        return None
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


def children_cpu_seconds():
    """CPU time (user + system) of this process's finished children (the manage.py commands)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


# ----------------------------------------------------------------- the engine


class Engine:
    """The search engine of one scale: a fresh OpenSearch node of our own (started from Maven by
    ``search.engine.launch.start``), or the cluster at ELASTICSEARCH_URL (not ours: no CPU, no RSS)."""

    def __init__(self):
        self.cluster = None
        self.started_s = 0.0
        external = os.environ.get("ELASTICSEARCH_URL", "")
        if external:
            self.url = external
            self.config_dirs = os.environ.get("IMZ_ENGINE_CONFIG_DIRS", "")
        else:
            if str(ROOT) not in sys.path:
                sys.path.insert(0, str(ROOT))
            from search.engine.launch import start  # plain standard library, no Django

            # a SIGTERM (e.g. from `timeout`) then ends through the finally blocks and atexit, which stop
            # the node: it runs in a session of its own and would outlive this process otherwise
            if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
                signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
            started = time.perf_counter()
            self.cluster = start(nodes=1, heap=ENGINE_HEAP)
            self.started_s = round(time.perf_counter() - started, 1)
            self.url = self.cluster.url
            self.config_dirs = os.pathsep.join(str(node.config_dir) for node in self.cluster.nodes)

    @property
    def first_url(self) -> str:
        return self.url.split(",")[0].strip()

    @property
    def pid(self):
        return self.cluster.nodes[0].process.pid if self.cluster is not None else None

    def cpu(self):
        return cpu_seconds(self.pid)

    def get(self, path):
        with urllib.request.urlopen(self.first_url + path, timeout=30) as response:
            return json.load(response)

    def version(self) -> str:
        try:
            info = self.get("/")["version"]
            return f"{info.get('distribution', 'elasticsearch')} {info['number']}"
        except (OSError, KeyError, ValueError):
            return "?"

    def memory(self) -> dict:
        """JVM heap used / max (summed over the cluster's nodes) and the JVM's RSS (ours only)."""
        figures = {"heap_used_mb": None, "heap_max_mb": None, "rss_mb": rss_mb(self.pid) if self.pid else None}
        try:
            nodes = self.get("/_nodes/stats/jvm")["nodes"].values()
            figures["heap_used_mb"] = round(sum(n["jvm"]["mem"]["heap_used_in_bytes"] for n in nodes) / 2**20, 1)
            figures["heap_max_mb"] = round(sum(n["jvm"]["mem"]["heap_max_in_bytes"] for n in nodes) / 2**20, 1)
        except (OSError, KeyError, ValueError):
            pass
        return figures

    def stop(self):
        if self.cluster is not None:
            self.cluster.stop()


# ----------------------------------------------------------------- orchestration


def run_manage(env, *args, quiet=True):
    started = time.perf_counter()
    result = subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=quiet, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.stderr.write((result.stdout or "") + (result.stderr or ""))
        raise SystemExit(f"manage.py {' '.join(args)} failed")
    return elapsed, (result.stdout or "")


def base_env(tmp, db_file, engine, prefix):
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL",)}
    env.update({
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DEBUG": "0",
        "SERVER_TIMING": "1",  # each answer says how long it waited for the engine (search/timing.py)
        "SECRET_KEY": "bench-only",
        "DATABASE_URL": f"sqlite:///{db_file}",
        "ELASTICSEARCH_URL": engine.url,
        "IMZ_ENGINE_CONFIG_DIRS": engine.config_dirs,
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


KINDS = ("premises", "matches", "autocomplete", "home")


class Gunicorn:
    """The site through gunicorn with 2 workers (the project's gunicorn.conf.py: threads, keep-alive)."""

    def __init__(self, env):
        port = free_port()
        self.process = subprocess.Popen(
            [str(Path(PYTHON).with_name("gunicorn")), "config.wsgi:application", "-w", "2", "-b", f"127.0.0.1:{port}",
             "--chdir", str(ROOT), "--log-level", "warning", "--timeout", "120"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
        )
        self.base = f"http://127.0.0.1:{port}"
        for _ in range(300):
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                time.sleep(0.2)  # waiting for the port to open, not a measurement

    def rss(self):
        return {"master": rss_mb(self.process.pid), "workers": [rss_mb(pid) for pid in children(self.process.pid)]}

    def stop(self):
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)


def site_requests(profiles, kinds):
    queries, bodies, typed = premises_queries(profiles), match_bodies(profiles), autocomplete_queries(profiles)

    def requests(i):
        return [(name, method, path, body) for name, method, path, body in (
            ("premises", "GET", "/api/v1/premises?" + queries[i % len(queries)], None),
            ("matches", "POST", "/api/v1/matches", bodies[i % len(bodies)]),
            ("autocomplete", "GET", "/suche/autocomplete?" + typed[i % len(typed)], None),
            ("home", "GET", "/", None),
        ) if name in kinds]

    return requests


def warm_up(site, profiles, kinds):
    # two connections so that both workers warm up
    clients = [Client(site.base), Client(site.base)]
    requests = site_requests(profiles, kinds)
    for client in clients:
        for i in range(6):
            for _, method, path, body in requests(i):
                client.request(method, path, body)
    return clients[0]


SERVER_TIMING = re.compile(r"search;dur=([\d.]+)")


def latency_phase(site, client, profiles, runs, kinds=KINDS):
    """Sequential requests from one client, after the warm-up. Each answer's Server-Timing header
    (search/timing.py) says how long that request waited for the engine."""
    requests = site_requests(profiles, kinds)
    timings = {name: [] for name in kinds}
    waited = {name: [] for name in kinds}
    failures = {name: 0 for name in timings}
    for i in range(runs):
        for name, method, path, body in requests(i):
            status, _, ms = client.request(method, path, body)
            if status == 200:
                timings[name].append(ms)
                found = SERVER_TIMING.search(client.last_headers.get("Server-Timing") or "")
                if found:
                    waited[name].append(float(found[1]))
            else:  # e.g. 503 when the engine exceeded the client's timeout: counted, not timed
                failures[name] += 1
    figures = {name: dict(summary(values), failed=failures[name]) for name, values in timings.items()}
    for name, values in waited.items():
        if values and any(values):
            engine = summary(values)
            total = figures[name]["median_ms"]
            engine["app_share"] = round((total - engine["median_ms"]) / engine["median_ms"], 2)
            figures[name]["engine_in_request"] = engine
    figures["rss_mb"] = site.rss()
    return figures


def _hits(path, data):
    answer = json.loads(data)
    return answer["count"] if path.startswith("/api/v1/premises") else len(answer["results"])


def rebuild_under_load(env, engine, site, profiles, searches=20):
    """``search_index --rebuild`` while a thread keeps searching through the site (premises API
    with text and filters, autocomplete) on its own connection. Hits of every search are counted
    before; an answer with fewer is short, a 5xx or no answer is failed."""
    paths = ["/api/v1/premises?" + q for q in premises_queries(profiles)[:searches]]
    paths += ["/suche/autocomplete?" + q for q in autocomplete_queries(profiles)[:searches // 2]]
    client = Client(site.base, timeout=30)
    baseline = {}
    for path in paths:
        status, data, _ = client.request("GET", path)
        if status != 200:
            raise SystemExit(f"{path}: HTTP {status} before the rebuild")
        baseline[path] = _hits(path, data)
    latencies, examples = [], []
    sent = failed = short = 0
    stop = threading.Event()

    def searcher():
        nonlocal sent, failed, short
        while not stop.is_set():
            path = paths[sent % len(paths)]
            sent += 1
            started = time.perf_counter()
            try:
                status, data, _ = client.request("GET", path)
            except (http.client.HTTPException, OSError) as error:  # no answer (after one retry)
                failed += 1
                examples.append(f"{path}: {error!r}")
                continue
            latencies.append((time.perf_counter() - started) * 1000)
            if status != 200:
                failed += 1
                examples.append(f"{path}: HTTP {status}")
            elif _hits(path, data) < baseline[path]:
                short += 1
                examples.append(f"{path}: {_hits(path, data)} hits < {baseline[path]}")

    thread = threading.Thread(target=searcher, daemon=True)
    load = loadavg()
    thread.start()
    rebuild_s, engine_cpu, app_cpu = timed_manage(env, engine, "search_index", "--rebuild")
    stop.set()
    thread.join()
    figures = summary(latencies)
    figures.update({"rebuild_s": rebuild_s, "engine_cpu_s": engine_cpu, "app_cpu_s": app_cpu,
                    "searches": sent, "failed": failed, "short": short,
                    "max_ms": round(max(latencies), 1) if latencies else None, "examples": examples[:5],
                    "load_before": load, "load_after": loadavg()})
    return figures


def timed_manage(env, engine, *args, output=None):
    """Wall time of a command, the engine's CPU seconds meanwhile (None for an engine that is not
    ours) and the command's own CPU seconds: how the wall time splits between engine and app.
    ``output``: a list that gets the command's output lines."""
    before, own_before = engine.cpu(), children_cpu_seconds()
    elapsed, stdout = run_manage(env, *args)
    after, own_after = engine.cpu(), children_cpu_seconds()
    engine_cpu = round(after - before, 1) if before is not None and after is not None else None
    if output is not None:
        output += [line.strip() for line in stdout.splitlines() if line.strip()]
    return round(elapsed, 1), engine_cpu, round(own_after - own_before, 1)


def warm_engine(engine, template, tmp) -> float:
    """A fresh JVM runs its first large write interpreted until the JIT has compiled the hot
    paths (a cold 100k import took 52–53 s against 38–44 s on the same engine warm, its engine CPU
    54–59 s against 23–28 s): a served cluster is never cold, so the 10k set is imported once into
    throwaway indices, which are dropped, before anything is timed. ``--cold`` skips this."""
    db_file = tmp / "warm-up.sqlite3"
    shutil.copy(template, db_file)
    prefix = f"bench{os.getpid()}_warmup_"
    env = base_env(tmp, db_file, engine, prefix)
    elapsed, _ = run_manage(env, "import_premises", str(ensure_data("10k") / "premises.csv"))
    request = urllib.request.Request(f"{engine.first_url}/{prefix}*", method="DELETE")
    urllib.request.urlopen(request, timeout=60).close()
    db_file.unlink()
    return round(elapsed, 1)


def bench_scale(scale, template, tmp, runs, kinds=KINDS, http=True, load_rebuild=True, cold=False):
    data = ensure_data(scale)
    db_file = tmp / f"{scale}.sqlite3"
    shutil.copy(template, db_file)
    load_start = loadavg()
    engine = Engine()
    prefix = f"bench{os.getpid()}_{scale}_"
    env = base_env(tmp, db_file, engine, prefix)
    try:
        warm_up_s = None if cold else warm_engine(engine, template, tmp)
        load = loadavg()
        import_s, import_engine, import_app = timed_manage(env, engine, "import_premises", str(data / "premises.csv"))
        if (data / "offers.csv").exists():
            run_manage(env, "import_offers", str(data / "offers.csv"))
        load_mid = loadavg()
        per_kind = []  # "premises: 10038 Dokumente in 9.1 s → …" per index
        rebuild_s, rebuild_engine, rebuild_app = timed_manage(env, engine, "search_index", "--rebuild", output=per_kind)
        result = {"scale": scale, "listings": SCALES[scale], "engine_version": engine.version(),
                  "engine_start_s": engine.started_s, "engine_warm_up_s": warm_up_s,
                  "import_s": import_s, "rebuild_s": rebuild_s,
                  "import_engine_cpu_s": import_engine, "rebuild_engine_cpu_s": rebuild_engine,
                  "import_app_cpu_s": import_app, "rebuild_app_cpu_s": rebuild_app,
                  "rebuild_per_index": [line.split(" → ")[0] for line in per_kind],
                  "load_before": load, "load_before_rebuild": load_mid, "load_after_rebuild": loadavg()}
        if http:
            profiles = json.loads((data / "profiles.json").read_text(encoding="utf-8"))
            site = Gunicorn(env)
            try:
                client = warm_up(site, profiles, kinds)
                if load_rebuild:
                    result["rebuild_under_load"] = rebuild_under_load(env, engine, site, profiles)
                    print(json.dumps({"rebuild_under_load": result["rebuild_under_load"]}, ensure_ascii=False),
                          flush=True)
                    client = warm_up(site, profiles, kinds)  # the new indices' first queries
                result["load_before_http"] = loadavg()
                result["http"] = latency_phase(site, client, profiles, runs, kinds)
                result["load_after_http"] = loadavg()
            finally:
                site.stop()
            print(json.dumps(result, ensure_ascii=False), flush=True)
            inproc = subprocess.run(
                [PYTHON, __file__, "_inproc", "--data", str(data), "--runs", str(runs), "--only", ",".join(kinds)],
                cwd=ROOT, env=env, capture_output=True, text=True,
            )
            if inproc.returncode != 0:
                sys.stderr.write(inproc.stdout + inproc.stderr)
                raise SystemExit("in-process measurements failed")
            result.update(json.loads(inproc.stdout.strip().splitlines()[-1]))
            for kind in [k for k in ("premises", "matches", "autocomplete") if k in kinds]:
                total = result["http"][kind]["median_ms"]
                engine_ms = result["engine"][kind]["median_ms"]
                ok = engine_ms and total == total  # NaN when every request failed
                result["engine"][kind]["app_share"] = round((total - engine_ms) / engine_ms, 2) if ok else None
        result["engine_memory"] = engine.memory()
        result["load_end"] = loadavg()
        result["load_start"] = load_start
        return result
    finally:
        engine.stop()


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
    engine = Engine()
    env = base_env(tmp, template, engine, f"bench{os.getpid()}_template_")
    try:
        migrate_s, _ = run_manage(env, "migrate", "--noinput")
        run_manage(env, "seed_demo")
    finally:
        engine.stop()
    cached.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(template, cached)
    return cached, migrate_s


def print_table(results):
    print()
    print(f"engine: {results[0].get('engine_version')}")
    print(f"{'':34}" + "".join(f"{r['scale']:>22}" for r in results))
    for label, key in (("import (s)", "import_s"), ("  engine CPU meanwhile (s)", "import_engine_cpu_s"),
                       ("  the command's own CPU (s)", "import_app_cpu_s"),
                       ("index rebuild (s)", "rebuild_s"), ("  engine CPU meanwhile (s)", "rebuild_engine_cpu_s"),
                       ("  the command's own CPU (s)", "rebuild_app_cpu_s")):
        print(f"{label:34}" + "".join(f"{str(r[key]):>22}" for r in results))

    def cell(get, r):
        try:
            return str(get(r))
        except (KeyError, TypeError):  # a figure left out with --only or --no-http
            return "-"

    def pair(section, kind):
        return lambda r: f"{r[section][kind]['median_ms']}/{r[section][kind]['p95_ms']}"

    def in_request(kind):
        return lambda r: "{median_ms}/{p95_ms}".format(**r["http"][kind]["engine_in_request"])

    load = lambda r: r["rebuild_under_load"]  # noqa: E731
    rows = [
        ("rebuild under search load (s)", lambda r: load(r)["rebuild_s"]),
        ("  searches / failed / short", lambda r: f"{load(r)['searches']}/{load(r)['failed']}/{load(r)['short']}"),
        ("  search median/p95/max (ms)", lambda r: f"{load(r)['median_ms']}/{load(r)['p95_ms']}/{load(r)['max_ms']}"),
        ("GET premises median/p95 (ms)", pair("http", "premises")),
        ("  engine median/p95 (ms)", pair("engine", "premises")),
        ("  app share (x engine)", lambda r: r["engine"]["premises"]["app_share"]),
        ("  engine in the same requests (ms)", in_request("premises")),
        ("  app share, same requests", lambda r: r["http"]["premises"]["engine_in_request"]["app_share"]),
        ("POST matches median/p95 (ms)", pair("http", "matches")),
        ("  engine median/p95 (ms)", pair("engine", "matches")),
        ("  app share (x engine)", lambda r: r["engine"]["matches"]["app_share"]),
        ("  engine in the same requests (ms)", in_request("matches")),
        ("  app share, same requests", lambda r: r["http"]["matches"]["engine_in_request"]["app_share"]),
        ("autocomplete median/p95 (ms)", pair("http", "autocomplete")),
        ("  engine median/p95 (ms)", pair("engine", "autocomplete")),
        ("  app share (x engine)", lambda r: r["engine"]["autocomplete"]["app_share"]),
        ("  engine in the same requests (ms)", in_request("autocomplete")),
        ("  app share, same requests", lambda r: r["http"]["autocomplete"]["engine_in_request"]["app_share"]),
        ("home median/p95 (ms)", pair("http", "home")),
        ("RSS master/workers (MB)", lambda r: f"{r['http']['rss_mb']['master']}/{r['http']['rss_mb']['workers']}"),
        ("engine heap used/max (MB)", lambda r: f"{r['engine_memory']['heap_used_mb']}/{r['engine_memory']['heap_max_mb']}"),
        ("engine RSS (MB)", lambda r: r["engine_memory"]["rss_mb"]),
        ("runs per figure", lambda r: max(f["runs"] for k, f in r["http"].items() if k != "rss_mb")),
        ("load at start", lambda r: r["load_start"]),
        ("load before import", lambda r: r["load_before"]),
        ("load before rebuild", lambda r: r["load_before_rebuild"]),
        ("load after rebuild", lambda r: r["load_after_rebuild"]),
        ("load before HTTP", lambda r: r["load_before_http"]),
        ("load after HTTP", lambda r: r["load_after_http"]),
        ("load at end", lambda r: r["load_end"]),
    ]
    for label, get in rows:
        print(f"{label:34}" + "".join(f"{cell(get, r):>22}" for r in results))
    print()
    for r in results:
        print(f"rebuild per index, {r['scale']}: " + "; ".join(r.get("rebuild_per_index") or []))
    if not all("queries" in r for r in results):
        return
    print()
    print("SQL queries per request (page size 10 / 50):")
    for name in results[0]["queries"]:
        print(f"  {name:40}" + "".join(f"{str(r['queries'][name]):>16}" for r in results))


def main(argv=None):
    parser = argparse.ArgumentParser(description="Speed at scale (throwaway database and engine)")
    parser.add_argument("--scales", default="1k,10k,100k")
    parser.add_argument("--runs", type=int, default=40, help="timed requests per figure")
    parser.add_argument("--json", default=None, help="write the figures to this file")
    parser.add_argument("--no-http", action="store_true",
                        help="only import and rebuild (with the engine's CPU time meanwhile); no server, no latencies")
    parser.add_argument("--cold", action="store_true",
                        help="time the import on the freshly started engine (no 10k warm-up import first)")
    parser.add_argument("--no-load-rebuild", action="store_true",
                        help="skip the second rebuild, the one while a thread keeps searching")
    parser.add_argument("--only", default=",".join(KINDS),
                        help="comma-separated figures to measure after import and rebuild: " + ", ".join(KINDS) +
                             " (default: all; SQL counts are then only those of the chosen requests)")
    args = parser.parse_args(argv)
    kinds = tuple(k for k in KINDS if k in {s.strip() for s in args.only.split(",")})
    if not kinds or set(args.only.split(",")) - set(KINDS):
        raise SystemExit(f"--only: choose from {list(KINDS)}")
    scales = [s.strip() for s in args.scales.split(",") if s.strip()]
    unknown = [s for s in scales if s not in SCALES]
    if unknown:
        raise SystemExit(f"unknown scale(s): {unknown}; choose from {list(SCALES)}")
    tmp = Path(tempfile.mkdtemp(prefix="imz-bench-"))
    print(f"{time.strftime('%Y-%m-%d %H:%M:%S UTC', time.gmtime())}, load {loadavg()}", flush=True)
    try:
        template, migrate_s = prepare_template(tmp)
        print(f"template database migrated and seeded in {migrate_s:.0f} s", flush=True)
        results = []
        for scale in scales:
            print(f"{scale}: import, rebuild, HTTP and in-process measurements ...", flush=True)
            results.append(bench_scale(scale, template, tmp, args.runs, kinds, http=not args.no_http,
                                       load_rebuild=not args.no_load_rebuild, cold=args.cold))
            print(json.dumps(results[-1], ensure_ascii=False), flush=True)
        print_table(results)
        print(f"\n{time.strftime('%Y-%m-%d %H:%M:%S UTC', time.gmtime())}, load {loadavg()}", flush=True)
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
    from opensearchpy import Transport

    setup_test_environment()
    data = Path(args.data)
    profiles = json.loads((data / "profiles.json").read_text(encoding="utf-8"))
    client = DjangoClient()

    # 1. record the engine requests behind each site request, then send them straight to the engine
    recorded = []
    original = Transport.perform_request

    def recording(self, method, url, params=None, body=None, timeout=None, ignore=(), headers=None):
        # what goes on the wire: the body serialised, a GET with a body as the client sends it
        sent_method, sent_params, sent_body, _, _ = self._resolve_request_args(
            method, dict(params or {}), body, ignore, timeout)
        target = url + ("?" + urlencode(sent_params) if sent_params else "")
        recorded.append((sent_method, target, sent_body))
        return original(self, method, url, params=params, body=body, timeout=timeout, ignore=ignore, headers=headers)

    # once before recording, as the HTTP phase warms up: per-process caches (compound parts of a
    # word from ``_analyze``, the matching memo, the site frame) are built once, not per request
    for query in premises_queries(profiles)[: args.runs] if "premises" in kinds else []:
        client.get("/api/v1/premises?" + query)
    for body in match_bodies(profiles)[: args.runs] if "matches" in kinds else []:
        client.post("/api/v1/matches", body, content_type="application/json")
    for query in autocomplete_queries(profiles)[: args.runs] if "autocomplete" in kinds else []:
        client.get("/suche/autocomplete?" + query)
    Transport.perform_request = recording
    per_request = {kind: [] for kind in ("premises", "matches", "autocomplete") if kind in kinds}
    try:
        for query in premises_queries(profiles)[: args.runs] if "premises" in kinds else []:
            recorded.clear()
            if client.get("/api/v1/premises?" + query).status_code == 200:
                per_request["premises"].append(list(recorded))
        for body in match_bodies(profiles)[: args.runs] if "matches" in kinds else []:
            recorded.clear()
            if client.post("/api/v1/matches", body, content_type="application/json").status_code == 200:
                per_request["matches"].append(list(recorded))
        for query in autocomplete_queries(profiles)[: args.runs] if "autocomplete" in kinds else []:
            recorded.clear()
            if client.get("/suche/autocomplete?" + query).status_code == 200:
                per_request["autocomplete"].append(list(recorded))
    finally:
        Transport.perform_request = original

    engine = Client(os.environ["ELASTICSEARCH_URL"].split(",")[0].strip())
    engine_figures = {}
    for kind, requests in per_request.items():
        for calls in requests[:3]:  # warm-up
            for method, target, body in calls:
                engine.request(method, target, body)
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
        "GET /suche/autocomplete?q=Büro": ("autocomplete", lambda: f"{count('GET', '/suche/autocomplete?q=B%C3%BCro')}"),
        "GET / (home)": ("home", lambda: f"{count('GET', '/')}"),
    }
    queries = {name: how() for name, (kind, how) in counts.items() if kind in kinds}
    print(json.dumps({"engine": engine_figures, "queries": queries}))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "_inproc":
        inproc(sys.argv[2:])
    else:
        main()

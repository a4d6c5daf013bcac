"""Starts the search engine (OpenSearch from Maven Central) on loopback, one JVM per node.

Plain Python standard library, no Django: settings import it before Django is set up, and
``bin/elasticsearch`` runs it as a script. The artifacts of ``pom.xml`` are resolved once through
Maven and the two Java classes compiled against them into a cache folder outside the repository
(``$IMZ_ENGINE_CACHE`` or ``~/.cache/imz-search-engine``), keyed by the hash of the sources, so
later starts need neither the network nor the compiler.

Why OpenSearch and not Elasticsearch 8: ``org.codelibs:elasticsearch-cluster-runner`` 8.x is not on
Maven Central (only 7.x), and Elasticsearch's own modules (analysis-common, rank-eval) are not
published there; OpenSearch 2.19's modules are, and run on Java 17.
"""

from __future__ import annotations

import argparse
import atexit
import hashlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ENGINE_DIR = Path(__file__).resolve().parent
LEXICON_DIR = ENGINE_DIR.parent / "lexicon"
MAIN_CLASS = "de.imz.engine.EngineNode"
START_TIMEOUT_SECONDS = 180
# A 2-core/24 GB machine: one node gets 2 GB, a cluster 1 GB per node (the rest is page cache,
# which Lucene needs more than heap, and the site, the database and the tests).
SINGLE_NODE_HEAP = "2g"
CLUSTER_NODE_HEAP = "1g"


class EngineError(RuntimeError):
    """The engine could not be built or started; the message says why."""


def java_available() -> bool:
    return shutil.which("java") is not None and shutil.which("mvn") is not None


def cache_root() -> Path:
    return Path(os.environ.get("IMZ_ENGINE_CACHE") or Path.home() / ".cache" / "imz-search-engine")


def _sources_hash() -> str:
    digest = hashlib.sha256()
    for path in sorted([ENGINE_DIR / "pom.xml", *ENGINE_DIR.glob("src/**/*.java")]):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def build(*, quiet: bool = True) -> tuple[str, Path]:
    """Classpath and compiled classes, built once per version of the sources."""
    target = cache_root() / _sources_hash()
    classpath_file, classes = target / "classpath.txt", target / "classes"
    if classpath_file.exists() and (classes / "de/imz/engine/EngineNode.class").exists():
        return classpath_file.read_text().strip(), classes
    target.mkdir(parents=True, exist_ok=True)
    mvn = [
        "mvn", "-B", "-q", "-f", str(ENGINE_DIR / "pom.xml"),
        "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath",
        f"-Dmdep.outputFile={classpath_file}",
    ]
    _run(mvn, "Maven konnte die Suchmaschine nicht laden", quiet=quiet)
    classpath = classpath_file.read_text().strip()
    building = target / "classes.tmp"
    shutil.rmtree(building, ignore_errors=True)
    sources = [str(p) for p in ENGINE_DIR.glob("src/main/java/**/*.java")]
    _run(["javac", "-nowarn", "-d", str(building), "-cp", classpath, *sources], "javac failed", quiet=quiet)
    shutil.rmtree(classes, ignore_errors=True)
    building.rename(classes)
    return classpath, classes


def _run(command: list[str], what: str, *, quiet: bool) -> None:
    done = subprocess.run(command, capture_output=quiet, text=True)
    if done.returncode != 0:
        raise EngineError(f"{what}: {(done.stdout or '')[-2000:]}{(done.stderr or '')[-2000:]}")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Node:
    name: str
    http_port: int
    transport_port: int
    home: Path
    process: subprocess.Popen | None = None
    command: list[str] = field(default_factory=list)
    log: object = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def config_dir(self) -> Path:
        return self.home / "config"


@dataclass
class Cluster:
    nodes: list[Node]
    temporary: list[Path] = field(default_factory=list)

    @property
    def url(self) -> str:
        return self.nodes[0].url

    @property
    def urls(self) -> list[str]:
        return [node.url for node in self.nodes]

    def kill(self, index: int) -> None:
        """Fault tests: the node's process dies at once (SIGKILL), as on a crash."""
        process = self.nodes[index].process
        process.kill()
        process.wait()

    def restart(self, index: int) -> None:
        """Start a killed node again on its data; it rejoins and recovers its shards."""
        node = self.nodes[index]
        node.process = subprocess.Popen(node.command, stdout=node.log, stderr=node.log, start_new_session=True)
        wait_green(self, len(self.nodes))

    def stop(self) -> None:
        for node in self.nodes:
            if node.process is not None and node.process.poll() is None:
                node.process.send_signal(signal.SIGCONT)  # a node stopped by a fault test must hear SIGTERM
                node.process.terminate()
        for node in self.nodes:
            if node.process is not None:
                try:
                    node.process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    node.process.kill()
                    node.process.wait()
        for path in self.temporary:
            shutil.rmtree(path, ignore_errors=True)


LOG4J = """status = error
appender.console.type = Console
appender.console.name = console
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = [%d{ISO8601}][%-5p][%c{1.}] [%node_name]%marker %m%n
rootLogger.level = warn
rootLogger.appenderRef.console.ref = console
"""


def _prepare_home(home: Path) -> None:
    """A node's home: config with the lexicon (word parts, hyphenation patterns, synonyms) under
    config/imz/, where the index settings' ``*_path`` point."""
    config = home / "config"
    (config / "imz").mkdir(parents=True, exist_ok=True)
    (config / "log4j2.properties").write_text(LOG4J)
    (config / "opensearch.yml").write_text("# settings are passed on the command line (search/engine/launch.py)\n")
    install_lexicon(config)


def install_lexicon(config_dir: Path) -> None:
    for path in LEXICON_DIR.glob("*.txt"):
        shutil.copyfile(path, config_dir / "imz" / path.name)
    for path in LEXICON_DIR.glob("*.xml"):
        shutil.copyfile(path, config_dir / "imz" / path.name)


def start(
    *, nodes: int = 1, port: int | None = None, heap: str | None = None, data: Path | None = None,
    quiet: bool = True, log=None,
) -> Cluster:
    """Start ``nodes`` nodes on loopback and return once the cluster is green."""
    classpath, classes = build(quiet=quiet)
    heap = heap or (SINGLE_NODE_HEAP if nodes == 1 else CLUSTER_NODE_HEAP)
    base = Path(data) if data else Path(tempfile.mkdtemp(prefix="imz-engine-"))
    cluster = Cluster(nodes=[], temporary=[] if data else [base])
    http_ports = [port + i if port else free_port() for i in range(nodes)]
    transport_ports = [free_port() for _ in range(nodes)]
    seeds = ",".join(f"127.0.0.1:{p}" for p in transport_ports)
    names = [f"imz-{i}" for i in range(nodes)]
    for i in range(nodes):
        node = Node(names[i], http_ports[i], transport_ports[i], base / names[i])
        _prepare_home(node.home)
        settings = {
            "path.home": node.home,
            "path.data": node.home / "data",
            "path.logs": node.home / "logs",
            "cluster.name": "imz-search",
            "node.name": node.name,
            "network.host": "127.0.0.1",
            "http.port": node.http_port,
            "transport.port": node.transport_port,
            # A developer machine's disk may be nearly full; that must not make indices read-only.
            "cluster.routing.allocation.disk.threshold_enabled": "false",
            "action.destructive_requires_name": "false",
        }
        if nodes == 1:
            settings["discovery.type"] = "single-node"
        else:
            settings["discovery.seed_hosts"] = seeds
            settings["cluster.initial_cluster_manager_nodes"] = ",".join(names)
        command = [
            "java", f"-Xms{heap}", f"-Xmx{heap}", "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError",
            "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8", "-Dlog4j2.disable.jmx=true",
            f"-Dlog4j.configurationFile={node.config_dir / 'log4j2.properties'}",
            "-cp", f"{classes}{os.pathsep}{classpath}", MAIN_CLASS,
            *(f"{key}={value}" for key, value in settings.items()),
        ]
        out = log if log is not None else subprocess.DEVNULL
        node.command, node.log = command, out
        node.process = subprocess.Popen(command, stdout=out, stderr=out, start_new_session=True)
        cluster.nodes.append(node)
    try:
        wait_green(cluster, nodes)
    except BaseException:
        cluster.stop()
        raise
    return cluster


def wait_green(cluster: Cluster, nodes: int) -> None:
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        for node in cluster.nodes:
            if node.process.poll() is not None:
                raise EngineError(f"Suchmaschinen-Knoten {node.name} wurde beendet (Code {node.process.returncode}).")
        # Ask a node that is up (after a restart the first one may be the one still joining).
        url = f"{cluster.nodes[-1].url}/_cluster/health?wait_for_status=green&wait_for_nodes={nodes}&timeout=2s"
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if json.load(response).get("status") == "green":
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError, ValueError):
            pass
        time.sleep(0.3)  # polling the port while the JVM boots; not a test sleep
    raise EngineError(f"Die Suchmaschine wurde nicht in {START_TIMEOUT_SECONDS} s bereit.")


_started: Cluster | None = None


def ensure_engine_url() -> str:
    """ELASTICSEARCH_URL when set (a cluster of its own), else a node started for this process tree
    (stopped when the process exits), else "" (no Java: the site uses its database fallbacks).

    The URL goes into the environment, so a reloading dev server's child reuses the parent's engine."""
    global _started
    url = os.environ.get("ELASTICSEARCH_URL", "")
    if url or os.environ.get("EMBEDDED_SEARCH", "1") == "0" or not java_available():
        return url
    if _started is None:
        _started = start()
        atexit.register(_started.stop)
        os.environ["ELASTICSEARCH_URL"] = _started.url
        os.environ["IMZ_ENGINE_CONFIG_DIRS"] = os.pathsep.join(str(n.config_dir) for n in _started.nodes)
    return _started.url


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bin/elasticsearch", description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=1)
    parser.add_argument("--port", type=int, default=None, help="HTTP port of the first node (default: a free one)")
    parser.add_argument("--heap", default=None, help=f"per node (default {SINGLE_NODE_HEAP}, {CLUSTER_NODE_HEAP} in a cluster)")
    parser.add_argument("--data", type=Path, default=None, help="keep the data here (default: a temporary folder)")
    parser.add_argument("--verbose", action="store_true", help="show Maven's and the nodes' output")
    parser.add_argument("command", nargs=argparse.REMAINDER, help="-- CMD ...: run CMD with ELASTICSEARCH_URL set, then stop")
    args = parser.parse_args(argv)
    if not java_available():
        print("bin/elasticsearch: java und mvn werden benötigt (Debian: openjdk-17-jdk-headless maven).", file=sys.stderr)
        return 2
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    stopping = []

    def on_signal(signum, frame):
        stopping.append(signum)
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, on_signal)
    cluster = None
    try:
        cluster = start(nodes=args.nodes, port=args.port, heap=args.heap, data=args.data, quiet=not args.verbose,
                        log=None if args.verbose else subprocess.DEVNULL)
        config_dirs = os.pathsep.join(str(n.config_dir) for n in cluster.nodes)
        if command:
            env = {**os.environ, "ELASTICSEARCH_URL": cluster.url, "IMZ_ENGINE_CONFIG_DIRS": config_dirs}
            return subprocess.call(command, env=env)
        print(f"ELASTICSEARCH_URL={cluster.url}", flush=True)
        print(f"IMZ_ENGINE_CONFIG_DIRS={config_dirs}", flush=True)
        while True:
            signal.pause()
    except KeyboardInterrupt:
        return 0
    except EngineError as error:
        print(f"bin/elasticsearch: {error}", file=sys.stderr)
        return 1
    finally:
        if cluster is not None:
            cluster.stop()


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Times how long `rules lsp` takes to answer `initialize` after the process starts.

Starts the language server as an editor would (a fresh process per run), writes an `initialize`
request with Content-Length framing on stdin as soon as the process exists, and measures the time
from just before the process is created until the whole response has been read from stdout. Then it
sends shutdown/exit and waits for the process to end. Prints every run, the median and the p95.

    python3 tools/lsp-startup.py                      # 10 runs of the Release build
    python3 tools/lsp-startup.py --runs 20 --command "dotnet src/Rules.Cli/bin/Debug/net10.0/rules.dll lsp"
    python3 tools/lsp-startup.py --command "dotnet A/rules.dll lsp" --command "dotnet B/rules.dll lsp"

With several --command options the runs are interleaved (A, B, A, B, ...), so that both see the same load:
on a shared machine compare builds side by side rather than one after the other.

Build first: dotnet build src/Rules.Cli -c Release
"""
import argparse
import json
import os
import shlex
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_COMMAND = ["dotnet", os.path.join(ROOT, "src", "Rules.Cli", "bin", "Release", "net10.0", "rules.dll"), "lsp"]


def frame(message):
    body = json.dumps(message).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def read_message(stream):
    """Reads one framed message; returns the decoded JSON, or None at the end of the stream."""
    length = None
    while True:
        line = stream.readline()
        if not line:
            return None
        line = line.strip()
        if not line:
            break
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    if length is None:
        raise RuntimeError("a message without Content-Length")
    body = stream.read(length)
    if len(body) < length:
        return None
    return json.loads(body)


def read_response(stream, request_id):
    while True:
        message = read_message(stream)
        if message is None:
            raise RuntimeError("the server closed stdout before answering request %r" % request_id)
        if message.get("id") == request_id and ("result" in message or "error" in message):
            return message


def one_run(command, root_uri):
    initialize = {
        "jsonrpc": "2.0", "id": 1, "method": "initialize",
        "params": {"processId": os.getpid(), "rootUri": root_uri, "capabilities": {},
                   "clientInfo": {"name": "lsp-startup.py"}},
    }
    start = time.perf_counter()
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        process.stdin.write(frame(initialize))
        process.stdin.flush()
        response = read_response(process.stdout, 1)
        elapsed = (time.perf_counter() - start) * 1000
        cpu = cpu_milliseconds(process.pid)
        if "error" in response:
            raise RuntimeError("initialize failed: %s" % response["error"])
        process.stdin.write(frame({"jsonrpc": "2.0", "method": "initialized", "params": {}}))
        process.stdin.write(frame({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}))
        process.stdin.flush()
        read_response(process.stdout, 2)
        process.stdin.write(frame({"jsonrpc": "2.0", "method": "exit"}))
        process.stdin.close()
        code = process.wait(timeout=10)
        if code != 0:
            raise RuntimeError("the server exited with %d after shutdown/exit" % code)
        return elapsed, cpu
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def cpu_milliseconds(pid):
    """User + system CPU time of the process so far (all threads), or None where /proc is missing."""
    try:
        with open("/proc/%d/stat" % pid) as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        ticks = int(fields[11]) + int(fields[12])
        return ticks * 1000.0 / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def percentile(values, fraction):
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, int(round(fraction * len(ordered) + 0.5)) - 1))
    return ordered[index]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=10, help="number of timed runs per command (default 10)")
    parser.add_argument("--warmup", type=int, default=1, help="untimed runs first, to fill the OS file cache (default 1)")
    parser.add_argument("--command", action="append", metavar="COMMAND LINE",
                        help="a server command line, quoted (default: dotnet <Release rules.dll> lsp); repeat to compare")
    args = parser.parse_args()
    commands = [shlex.split(c) for c in args.command] if args.command else [DEFAULT_COMMAND]
    if commands == [DEFAULT_COMMAND] and not os.path.isfile(DEFAULT_COMMAND[1]):
        sys.exit("%s not found: build it with dotnet build src/Rules.Cli -c Release" % DEFAULT_COMMAND[1])
    root_uri = "file://" + ROOT

    for command in commands:
        for _ in range(args.warmup):
            one_run(command, root_uri)
    times = [[] for _ in commands]
    cpus = [[] for _ in commands]
    for i in range(args.runs):
        for n, command in enumerate(commands):
            elapsed, cpu = one_run(command, root_uri)
            times[n].append(elapsed)
            if cpu is not None:
                cpus[n].append(cpu)
            label = "" if len(commands) == 1 else " [%d]" % (n + 1)
            print("run %2d%s: %7.1f ms  (CPU %s ms)" % (i + 1, label, elapsed, "?" if cpu is None else "%.0f" % cpu))
    for n, command in enumerate(commands):
        print("command%s: %s" % ("" if len(commands) == 1 else " [%d]" % (n + 1), " ".join(command)))
        print("  initialize answered after process start: runs %d  median %.0f ms  p95 %.0f ms  min %.0f ms  max %.0f ms"
              % (len(times[n]), statistics.median(times[n]), percentile(times[n], 0.95), min(times[n]), max(times[n])))
        if cpus[n]:
            print("  server CPU time (user+system, all threads) until then: median %.0f ms  p95 %.0f ms"
                  % (statistics.median(cpus[n]), percentile(cpus[n], 0.95)))


if __name__ == "__main__":
    main()

#!/usr/bin/env bash
# Self-test of bench/latencyproxy.py on loopback, against a small echo/sink server:
#   - an echo round trip on an open connection: 48-70 ms at 25 ms one way, < 5 ms at 0 ms;
#   - 100 messages sent a millisecond apart are all back about one round trip after the last one
#     (40-70 ms): the delay is pipelined, not paid once per chunk (that would be 5 s);
#   - 20 connections at once each see the same round trip;
#   - a new connection pays the TCP handshake: connect + first echo about 2 round trips (90-150 ms),
#     and nothing at 0 ms (< 20 ms);
#   - 10 MB (10 MiB: 0.84 s of sending) through a 100 Mbit/s proxy takes 0.8-1.2 s, at 0 and at 25 ms;
#   - SIGTERM: the proxy exits 0 within 5 s, also with a connection open.
# Usage: bench/test_latencyproxy.sh     (exit 0 when every check passes)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
PY=/usr/bin/python3
T=$(mktemp -d /tmp/latencyproxy-test.XXXXXX)
PIDS=()
cleanup() {
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$T"
}
trap cleanup EXIT

# The test server: a line "echo" or "sink" first; echo sends back what it gets, sink counts bytes
# until EOF and answers with the count.
cat >"$T/server.py" <<'EOF'
import asyncio
async def handle(r, w):
    mode = (await r.readline()).strip()
    if mode == b"echo":
        while data := await r.read(65536):
            w.write(data)
            await w.drain()
    elif mode == b"sink":
        n = 0
        while data := await r.read(1 << 20):
            n += len(data)
        w.write(b"%d\n" % n)
        await w.drain()
    w.close()
async def main():
    s = await asyncio.start_server(handle, "127.0.0.1", 0)
    print(s.sockets[0].getsockname()[1], flush=True)
    await s.serve_forever()
asyncio.run(main())
EOF

# The client: prints one number (ms or s) per measurement.
cat >"$T/client.py" <<'EOF'
import asyncio, statistics, sys, time
port = int(sys.argv[2])
async def echo_conn():
    r, w = await asyncio.open_connection("127.0.0.1", port)
    w.write(b"echo\n")
    return r, w
async def rtt(r, w, n=20):
    times = []
    for _ in range(n):
        t = time.monotonic()
        w.write(b"x" * 100)
        await w.drain()
        await r.readexactly(100)
        times.append(time.monotonic() - t)
    return statistics.median(times) * 1000
async def main(what):
    if what == "rtt":  # median echo round trip on an open connection, ms
        r, w = await echo_conn()
        await rtt(r, w, 3)  # past the handshake
        print(f"{await rtt(r, w):.2f}")
    elif what == "burst":  # 100 x 1 KB, one every ms or so: from the last one sent to all back, ms
        r, w = await echo_conn()
        await rtt(r, w, 3)
        for _ in range(100):
            w.write(b"y" * 1024)
            await w.drain()
            await asyncio.sleep(0.001)  # each its own chunk in the proxy
        t = time.monotonic()
        await r.readexactly(100 * 1024)
        print(f"{(time.monotonic() - t) * 1000 + 1:.2f}")
    elif what == "parallel":  # 20 connections at once: the largest of their median round trips, ms
        async def one():
            r, w = await echo_conn()
            await rtt(r, w, 3)
            return await rtt(r, w, 10)
        print(f"{max(await asyncio.gather(*(one() for _ in range(20)))):.2f}")
    elif what == "connect":  # connect + first echo, ms
        t = time.monotonic()
        r, w = await echo_conn()
        w.write(b"z")
        await r.readexactly(1)
        print(f"{(time.monotonic() - t) * 1000:.2f}")
    elif what == "bulk":  # 10 MiB to the sink until its answer, s
        r, w = await asyncio.open_connection("127.0.0.1", port)
        w.write(b"sink\n")
        await w.drain()
        t = time.monotonic()
        block = b"b" * 65536
        left = 10 * 2**20
        while left:
            w.write(block[:min(left, len(block))])
            left -= min(left, len(block))
            await w.drain()
        w.write_eof()
        n = int(await r.readline())
        assert n == 10 * 2**20, n
        print(f"{time.monotonic() - t:.3f}")
    elif what == "hold":  # keeps a connection open until killed
        r, w = await echo_conn()
        await rtt(r, w, 1)
        print("open", flush=True)
        await r.read()
asyncio.run(main(sys.argv[1]))
EOF

# start_bg VAR OUTFILE CMD...: runs CMD in the background, waits for its first stdout line and
# puts it in VAR (the PID goes to VAR_PID).
start_bg() {
    local var=$1 out=$2
    shift 2
    "$@" >"$out" 2>"$out.err" &
    PIDS+=($!)
    printf -v "${var}_PID" %s $!
    for _ in $(seq 100); do
        [[ -s $out ]] && { printf -v "$var" %s "$(head -1 "$out")"; return; }
        sleep 0.05
    done
    echo "did not start: $*" >&2
    cat "$out.err" >&2
    exit 1
}

start_bg SERVER "$T/server.port" $PY "$T/server.py"
start_bg P25 "$T/p25.port" $PY "$HERE/latencyproxy.py" --listen 127.0.0.1:0 \
    --target 127.0.0.1:"$SERVER" --delay-ms 25 --rate-mbit 100
start_bg P0 "$T/p0.port" $PY "$HERE/latencyproxy.py" --listen 127.0.0.1:0 \
    --target 127.0.0.1:"$SERVER" --delay-ms 0 --rate-mbit 100

FAILED=0
# check NAME VALUE LOW HIGH UNIT
check() {
    if awk -v v="$2" -v lo="$3" -v hi="$4" 'BEGIN { exit !(v >= lo && v <= hi) }'; then
        printf 'ok    %-52s %8s %s (%s..%s)\n' "$1" "$2" "$5" "$3" "$4"
    else
        printf 'FAIL  %-52s %8s %s (%s..%s)\n' "$1" "$2" "$5" "$3" "$4"
        FAILED=1
    fi
}
C() { $PY "$T/client.py" "$@"; }

check "echo round trip, 25 ms one way" "$(C rtt "$P25")" 48 70 ms
check "echo round trip, 0 ms" "$(C rtt "$P0")" 0 5 ms
check "100 chunks: last sent to all back, 25 ms one way" "$(C burst "$P25")" 40 70 ms
check "20 connections at once, worst median, 25 ms" "$(C parallel "$P25")" 48 70 ms
check "connect + first echo (handshake), 25 ms" "$(C connect "$P25")" 90 150 ms
check "connect + first echo, 0 ms" "$(C connect "$P0")" 0 20 ms
check "10 MB at 100 Mbit/s, 0 ms" "$(C bulk "$P0")" 0.8 1.2 s
check "10 MB at 100 Mbit/s, 25 ms one way" "$(C bulk "$P25")" 0.8 1.2 s

# SIGTERM with a connection open: exit status 0, promptly.
start_bg HOLD "$T/hold.out" $PY "$T/client.py" hold "$P25"
PROXY_PID=$P25_PID
kill -TERM "$PROXY_PID"
t0=$(date +%s.%N)
rc=0
for _ in $(seq 100); do kill -0 "$PROXY_PID" 2>/dev/null || break; sleep 0.05; done
wait "$PROXY_PID" || rc=$?
check "SIGTERM with a connection open: exit status" "$rc" 0 0 ""
check "SIGTERM: seconds until it is gone" "$(awk -v a="$t0" -v b="$(date +%s.%N)" "BEGIN { printf \"%.2f\", b - a }")" 0 5 s
[[ ! -s $T/p25.port.err ]] || { echo "proxy stderr:"; cat "$T/p25.port.err"; }

if ((FAILED)); then echo "latencyproxy: some checks FAILED"; exit 1; fi
echo "latencyproxy: all checks passed"

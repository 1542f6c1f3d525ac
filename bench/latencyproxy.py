#!/usr/bin/python3
"""A TCP proxy that makes a server look remote: one-way delay and bandwidth, in userspace.

    latencyproxy.py --listen HOST:PORT --target HOST:PORT [--delay-ms 25] [--rate-mbit 100]

(--delay-ms one way, each direction; both default to 0: no delay, no limit.)

This kernel has no netem, so the bench puts this in front of a test host's port 22. Each
direction is a link of its own (one per proxy, shared by all its connections): a chunk read at
time t leaves the link's queue once the chunks before it are through (bytes * 8 / rate each),
then arrives `delay` later. Chunks are stamped when read and written when due, in order, so a
stream of chunks sees the delay once (pipelined), not once per chunk. A connection costs the
TCP handshake as on a real link (--no-handshake to leave it out): the client's first bytes count
as sent 2 x delay after its connect (SYN, SYN-ACK) and the server's 3 x delay after it (when the
ACK reaches it). The link's queue holds at most --queue-ms of sending time; a reader waits while
it is fuller, so the sender feels the bandwidth as TCP back-pressure. Not modelled: loss, jitter,
TCP slow start.

Prints the listening port on stdout (one line, flushed) once it accepts; --listen HOST:0 picks a
free port. SIGTERM or SIGINT closes the listener and every connection, then it exits 0.
Python 3 standard library only (Debian's /usr/bin/python3).
"""

import argparse
import asyncio
import collections
import signal
import socket
import sys

CHUNK = 64 * 1024
EARLY = 0.001  # seconds a chunk may go out before it is due (see Pipe.write_side)
MAX_QUEUED = 16 * 1024 * 1024  # bytes held per direction of a connection, also when --rate-mbit 0


def host_port(text):
    host, sep, port = text.rpartition(":")
    if not sep or not port.isdigit():
        raise argparse.ArgumentTypeError(f"expected HOST:PORT, got {text!r}")
    return host.strip("[]") or "127.0.0.1", int(port)


class Link:
    """One direction of the proxy: shared by the connections, it serialises their bytes."""

    def __init__(self, delay, rate_bytes, queue_s):
        self.delay = delay
        self.rate = rate_bytes  # bytes per second, 0 = unlimited
        self.queue_s = queue_s
        self.free_at = 0.0  # when the last byte handed to the link has been sent

    def stamp(self, now, size, not_before):
        """Returns when a chunk of `size` bytes read at `now` reaches the far side; a connection
        still in its (modelled) handshake holds its bytes until `not_before`, without holding
        the link for the other connections."""
        self.free_at = max(now, self.free_at) + (size / self.rate if self.rate else 0.0)
        return max(self.free_at, not_before) + self.delay

    def backlog(self, now):
        return self.free_at - now


class Pipe:
    """Copies one direction of one connection through a Link."""

    def __init__(self, reader, writer, link, not_before):
        self.reader, self.writer, self.link = reader, writer, link
        self.not_before = not_before
        self.queue = collections.deque()  # (due, bytes or None for EOF)
        self.queued = 0
        self.arrived = asyncio.Event()
        self.drained = asyncio.Event()

    async def read_side(self):
        loop = asyncio.get_running_loop()
        while True:  # a reset raises, which ends the whole connection
            data = await self.reader.read(CHUNK)
            now = loop.time()
            if not data:
                self.queue.append((self.link.stamp(now, 0, self.not_before), None))
                self.arrived.set()
                return
            self.queue.append((self.link.stamp(now, len(data), self.not_before), data))
            self.queued += len(data)
            self.arrived.set()
            # Back-pressure: stop reading while the link's queue is full, so the kernel's
            # buffers fill and the sender waits, as behind a real bottleneck.
            over = self.link.backlog(loop.time()) - self.link.queue_s
            if over > 0:
                await asyncio.sleep(over)
            while self.queued > MAX_QUEUED:
                self.drained.clear()
                await self.drained.wait()

    async def write_side(self):
        loop = asyncio.get_running_loop()
        while True:
            while not self.queue:
                self.arrived.clear()
                await self.arrived.wait()
            due, data = self.queue[0]
            # epoll's timeout is whole milliseconds, rounded up, and a wake-up costs a few tenths
            # of one: a sleep of the full wait lands ~0.6 ms late (51.2 ms for a 50 ms round trip
            # here), one 1 ms shorter ~0.4 ms early (49.2 ms). The closer one is taken.
            wait = due - EARLY - loop.time()
            if wait > 0:
                await asyncio.sleep(wait)
            # Everything that is due by now goes out in one write.
            out = []
            now = loop.time()
            eof = False
            while self.queue and self.queue[0][0] <= now + EARLY:
                _, data = self.queue.popleft()
                if data is None:
                    eof = True
                    break
                out.append(data)
            if out:
                size = sum(map(len, out))
                self.writer.write(b"".join(out))
                self.queued -= size
                self.drained.set()
                await self.writer.drain()
            if eof:
                if self.writer.can_write_eof():
                    self.writer.write_eof()
                return


class Proxy:
    def __init__(self, args):
        self.target = args.target
        delay = args.delay_ms / 1000.0
        rate = args.rate_mbit * 1e6 / 8
        queue_s = args.queue_ms / 1000.0
        self.up = Link(delay, rate, queue_s)
        self.down = Link(delay, rate, queue_s)
        self.handshake = 0.0 if args.no_handshake else delay
        self.tasks = set()

    async def handle(self, client_reader, client_writer):
        task = asyncio.current_task()
        self.tasks.add(task)
        server_writer = None
        try:
            start = asyncio.get_running_loop().time()
            server_reader, server_writer = await asyncio.open_connection(*self.target)
            for w in (client_writer, server_writer):
                sock = w.get_extra_info("socket")
                if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
                    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            up = Pipe(client_reader, server_writer, self.up, start + 2 * self.handshake)
            down = Pipe(server_reader, client_writer, self.down, start + 3 * self.handshake)
            parts = [asyncio.create_task(c) for c in
                     (up.read_side(), up.write_side(), down.read_side(), down.write_side())]
            try:
                # Both directions end with their EOF; a reset on either side ends the connection.
                await asyncio.wait(parts, return_when=asyncio.FIRST_EXCEPTION)
            finally:
                for p in parts:
                    p.cancel()
                await asyncio.gather(*parts, return_exceptions=True)
        except (ConnectionError, OSError) as e:
            print(f"latencyproxy: {self.target[0]}:{self.target[1]}: {e}", file=sys.stderr)
        finally:
            for w in (client_writer, server_writer):
                if w is not None:
                    w.close()
            self.tasks.discard(task)


async def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--listen", type=host_port, required=True, help="HOST:PORT (port 0: pick one)")
    parser.add_argument("--target", type=host_port, required=True, help="HOST:PORT to forward to")
    parser.add_argument("--delay-ms", type=float, default=0.0, help="one-way delay, each direction")
    parser.add_argument("--rate-mbit", type=float, default=0.0, help="bandwidth each direction, 0 = unlimited")
    parser.add_argument("--queue-ms", type=float, default=20.0,
                        help="sending time the link's queue holds before readers wait (default 20)")
    parser.add_argument("--no-handshake", action="store_true",
                        help="do not charge a new connection the TCP handshake's round trip")
    args = parser.parse_args()
    if args.delay_ms < 0 or args.rate_mbit < 0 or args.queue_ms < 0:
        parser.error("--delay-ms, --rate-mbit and --queue-ms are >= 0")

    proxy = Proxy(args)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    server = await asyncio.start_server(proxy.handle, *args.listen, backlog=512, reuse_address=True)
    print(server.sockets[0].getsockname()[1], flush=True)
    await stop.wait()
    server.close()
    for task in list(proxy.tasks):
        task.cancel()
    await asyncio.gather(*proxy.tasks, return_exceptions=True)
    await server.wait_closed()


if __name__ == "__main__":
    asyncio.run(main())

"""The kernel manager and client the grader runs notebooks with: no idle waits around a kernel.

jupyter_client's AsyncKernelClient decides a fresh kernel is ready when it has answered a
kernel_info request and IOPub has delivered a message, waiting up to 0.2 s for that message,
and then waits for 0.2 s of silence on IOPub before it returns: 0.2 to 0.4 s of every graded
notebook spent idle, on top of a kernel start of about 0.3 s. This client asks the same two
questions (a kernel_info reply, and IOPub connected) but with short polls, and does not wait for
silence: nbclient reads only the IOPub messages whose parent is the cell it is running, so a
status message left over from start-up is ignored.

The client connects before the kernel has bound its sockets, and ZeroMQ retries a refused
connection every ``RECONNECT_IVL`` to twice that: 100 to 200 ms by default, so a kernel that was
up waited about 90 ms on average for the client to notice (measured over sandboxed kernel starts:
0.34 s from start to the first cell, 0.25 s with 5 ms). Its sockets retry every ``RECONNECT_MS``.

The manager polls every 5 ms, not every 100 ms, for a killed kernel to be gone (nbgrader's
Execute kills each kernel as soon as its notebook has run).

On Linux its kernels listen on Unix sockets of their own (ZeroMQ's ``ipc://``), not on TCP
ports. jupyter_client picks TCP ports by opening and closing a socket, and the kernel binds them
a moment later: with many kernels starting at once in parallel workers, another process can take
a port in between, and the kernel then hangs in start-up ("Address already in use") until the
client gives up. A grading kernel's sockets are files in its job folder (``socket_dir``), which
the sandbox binds in: they reach the grader from the kernel's own network namespace, where
abstract sockets (which belong to a network namespace) would not. Other kernels (no job folder
named) use abstract sockets with a random name, which cannot be taken either.

What one grading kernel is started with comes from the manager's configuration, never from
this process's ``os.environ``: ``kernel_env`` (the kernel's whole environment, given to
``start_kernel`` as ``env``), ``socket_dir`` and ``kernel_dirs`` (where its kernelspec is). nbgrader's
``Execute`` makes the manager with its own configuration, so every notebook graded gets its
own, and two kernels started at once from one process cannot see each other's.
"""

import math
import os
import sys
import time
import uuid
from queue import Empty

import zmq
import zmq.asyncio
from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import AsyncKernelManager
from traitlets import Dict, DottedObjectName, List, Type, Unicode, default

from .. import timing

REPLY_POLL = 0.5  # seconds to wait for a kernel_info reply before asking again
IOPUB_POLL = 0.02  # seconds to wait for IOPub to show it is connected before asking again
EXIT_POLL = 0.005  # seconds between checks that a killed kernel has exited
RECONNECT_MS = 5  # milliseconds before a refused connection to a starting kernel is tried again
ABSTRACT_SOCKETS = sys.platform.startswith("linux")


class QuickKernelClient(AsyncKernelClient):
    @default("context")
    def _context_default(self) -> zmq.asyncio.Context:  # jupyter_client's, with quick reconnects
        self._created_context = True
        context = zmq.asyncio.Context()
        context.setsockopt(zmq.RECONNECT_IVL, RECONNECT_MS)  # the default for every socket made from it
        return context

    async def wait_for_ready(self, timeout: float | None = None) -> None:
        deadline = time.monotonic() + (math.inf if timeout is None else timeout)
        while True:
            self.kernel_info()
            try:
                reply = await self.shell_channel.get_msg(timeout=REPLY_POLL)
            except Empty:
                reply = None
            if reply is not None and reply["msg_type"] == "kernel_info_reply":
                try:
                    await self.iopub_channel.get_msg(timeout=IOPUB_POLL)
                except Empty:
                    pass  # IOPub not connected yet: its messages would be lost, ask again
                else:
                    self._handle_kernel_info_reply(reply)
                    return
            if not await self._async_is_alive():
                raise RuntimeError("Kernel died before replying to kernel_info")
            if time.monotonic() > deadline:
                raise RuntimeError(f"Kernel didn't respond in {timeout:g} seconds")


class QuickKernelManager(AsyncKernelManager):
    client_class = DottedObjectName(f"{__name__}.QuickKernelClient")
    client_factory = Type(QuickKernelClient, klass=AsyncKernelClient)
    kernel_env = Dict(help="The kernel's whole environment (default: this process's).").tag(config=True)
    socket_dir = Unicode("", help="A folder for the kernel's socket files (Linux).").tag(config=True)
    kernel_dirs = List(Unicode(), help="Folders searched first for the kernelspec.").tag(config=True)

    @default("kernel_spec_manager")
    def _kernel_spec_manager_default(self) -> KernelSpecManager:
        specs = KernelSpecManager(data_dir=self.data_dir)
        if self.kernel_dirs:
            specs.kernel_dirs = [*self.kernel_dirs, *specs.kernel_dirs]
        return specs

    async def start_kernel(self, **kw):  # timed until the first cell starts (``session``)
        timing.switch(timing.KERNEL_START)
        return await super().start_kernel(**kw)

    async def _async_pre_start_kernel(self, **kw):  # jupyter_client's: ``env`` goes to the provisioner
        if self.kernel_env and "env" not in kw:
            kw["env"] = dict(self.kernel_env)
        return await super()._async_pre_start_kernel(**kw)

    @default("transport")
    def _default_transport(self) -> str:
        return "ipc" if ABSTRACT_SOCKETS else "tcp"

    def _ip_default(self) -> str:  # jupyter_client's dynamic default for ``ip``
        if self.transport == "ipc" and ABSTRACT_SOCKETS:  # the ports 1 to 5 become suffixes: "...-1"
            if self.socket_dir:
                return os.path.join(self.socket_dir, f"kernel-{uuid.uuid4().hex[:8]}")
            return f"@autograder-kernel-{uuid.uuid4().hex}"
        return super()._ip_default()

    async def _async_wait(self, pollinterval: float = EXIT_POLL) -> None:  # jupyter_client's poll loop
        await super()._async_wait(pollinterval=min(pollinterval, EXIT_POLL))

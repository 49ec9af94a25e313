"""The kernel manager and client the grader runs notebooks with: no idle waits around a kernel.

jupyter_client's AsyncKernelClient decides a fresh kernel is ready when it has answered a
kernel_info request and IOPub has delivered a message, waiting up to 0.2 s for that message,
and then waits for 0.2 s of silence on IOPub before it returns: 0.2 to 0.4 s of every graded
notebook spent idle, on top of a kernel start of about 0.3 s. This client asks the same two
questions (a kernel_info reply, and IOPub connected) but with short polls, and does not wait for
silence: nbclient reads only the IOPub messages whose parent is the cell it is running, so a
status message left over from start-up is ignored.

The manager polls every 5 ms, not every 100 ms, for a killed kernel to be gone (nbgrader's
Execute kills each kernel as soon as its notebook has run).

On Linux its kernels listen on Unix sockets of their own (ZeroMQ's ``ipc://``), not on TCP
ports. jupyter_client picks TCP ports by opening and closing a socket, and the kernel binds them
a moment later: with many kernels starting at once in parallel workers, another process can take
a port in between, and the kernel then hangs in start-up ("Address already in use") until the
client gives up. A grading kernel's sockets are files in its job folder (named by
``SOCKET_DIR_ENV``), which the sandbox binds in: they reach the grader from the kernel's own
network namespace, where abstract sockets (which belong to a network namespace) would not.
Other kernels (no job folder named) use abstract sockets with a random name, which cannot be
taken either.
"""

import math
import os
import sys
import time
import uuid
from queue import Empty

from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.manager import AsyncKernelManager
from traitlets import DottedObjectName, Type, default

REPLY_POLL = 0.5  # seconds to wait for a kernel_info reply before asking again
IOPUB_POLL = 0.02  # seconds to wait for IOPub to show it is connected before asking again
EXIT_POLL = 0.005  # seconds between checks that a killed kernel has exited
ABSTRACT_SOCKETS = sys.platform.startswith("linux")
SOCKET_DIR_ENV = "AUTOGRADER_SOCKET_DIR"  # the folder for the next kernel's socket files


class QuickKernelClient(AsyncKernelClient):
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

    @default("transport")
    def _default_transport(self) -> str:
        return "ipc" if ABSTRACT_SOCKETS else "tcp"

    def _ip_default(self) -> str:  # jupyter_client's dynamic default for ``ip``
        if self.transport == "ipc" and ABSTRACT_SOCKETS:  # the ports 1 to 5 become suffixes: "...-1"
            folder = os.environ.get(SOCKET_DIR_ENV)
            if folder:
                return os.path.join(folder, f"kernel-{uuid.uuid4().hex[:8]}")
            return f"@autograder-kernel-{uuid.uuid4().hex}"
        return super()._ip_default()

    async def _async_wait(self, pollinterval: float = EXIT_POLL) -> None:  # jupyter_client's poll loop
        await super()._async_wait(pollinterval=min(pollinterval, EXIT_POLL))

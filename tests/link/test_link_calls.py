"""The kernel link in process: a ``Student`` on one end, the probe on the other, joined by a real
socket (a socket pair, or the oracle's own Unix socket in a temp folder), the probe in a thread
standing in for the grading kernel. No Jupyter kernel is started.

Covered: the student's exceptions as the test sees them (one report format, one message),
a dependency's error as the student's code sees it, objects passed by handle, a call interrupted
by the cell's time limit, and a kernel that dies during a test."""

import socket
import threading
from contextlib import contextmanager

import numpy as np
import pytest

from autograder import reference as ref
from autograder.hidden import registry, signatures
from autograder.hidden.runner import evaluate, result_of, run_test
from autograder.link import messages, oracle, probe, wire
from autograder.link.channel import Interrupted, SocketChannel
from autograder.link.status import Status
from autograder.link.student import Student, StudentError


@contextmanager
def kernel(namespace: dict, stubs=()):
    """A ``Student`` factory whose calls reach ``namespace`` through a probe serving a socket
    pair in a thread; on leaving, what the probe's thread ended with (its ``done`` message or
    the exception it raised) is in the yielded dict's "ended"."""
    grader, probe_end = socket.socketpair()
    state: dict = {}

    def serve():
        try:
            state["ended"] = probe.serve(probe_end, namespace)
        except BaseException as err:  # noqa: BLE001 - the thread reports whatever ended it
            state["ended"] = err
        finally:
            probe_end.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    specs = {name: signatures.stub_specs(name) for name in stubs}
    state["student"] = lambda name: Student(SocketChannel(grader), name, specs, signatures.mismatch)
    try:
        yield state
        try:
            wire.send(grader, {"op": "done", "text": "", "result": {}, "score": 0})
        except OSError:  # the probe has stopped already
            pass
    finally:
        thread.join(timeout=10)
        grader.close()
    assert not thread.is_alive()


class Broken(KeyError):
    pass


class Unprintable(Exception):
    def __str__(self):
        raise RuntimeError("no")


def raiser(error):
    def f(x):
        raise error
    return f


def test_the_students_exception_is_one_report_one_message_and_one_rebuilt_class():
    namespace = {"key": raiser(Broken("W3")), "value": raiser(ValueError("bad shape")),
                 "quiet": raiser(Unprintable()), "leaves": raiser(SystemExit(3))}
    with kernel(namespace) as k:
        with pytest.raises(StudentError) as caught:
            k["student"]("key")(1)
        assert str(caught.value) == "key raised Broken: 'W3'" and caught.value.key == "key raised Broken"
        assert not caught.value.unanswered
        rebuilt = k["student"]("key").raises(1)
        assert type(rebuilt).__name__ == "Broken" and isinstance(rebuilt, KeyError) and rebuilt.args == ("'W3'",)
        assert type(k["student"]("value").raises(0)) is ValueError
        with pytest.raises(StudentError, match=r"^quiet raised Unprintable: $"):
            k["student"]("quiet")(0)
        with pytest.raises(StudentError, match=r"^leaves raised SystemExit: 3$"):  # the probe survives it
            k["student"]("leaves")(0)
    assert k["ended"]["op"] == "done"


def test_the_report_format_is_the_same_on_both_sides():
    try:
        np.sum(np.ones(3), axis=2)
    except Exception as err:
        report = wire.exception_report(err)
    assert report["kind"] == "exception" and report["mro"][:3] == ["AxisError", "ValueError", "IndexError"]
    # the kernel's view of a dependency's error: a built-in class, nothing of numpy's
    assert type(wire.rebuild_exception(report, own_name=False)) is ValueError
    named = wire.rebuild_exception(report)
    assert type(named).__name__ == "AxisError" and isinstance(named, ValueError)
    assert messages.raised("f", report)[1] == "f raised AxisError"
    assert wire.exception_report(NotImplementedError())["kind"] == "not_implemented"
    assert wire.exception_report(RecursionError("deep"))["kind"] == "recursion"
    assert len(wire.exception_report(ValueError("x" * 10**5))["message"]) == wire.MAX_MESSAGE
    assert type(wire.rebuild_exception({"mro": ["Custom", "object"], "message": "m"})) is Exception
    # a report is the student's side's word: one naming nothing usable still reads as an exception
    assert type(wire.rebuild_exception({"mro": 5, "message": "m"})) is Exception
    assert messages.raised("f", {"mro": None, "message": "m"}) == ("f raised Exception: m", "f raised Exception")


def test_unwritten_recursing_and_unreadable_functions_are_told_as_such():
    def deep(x):
        return deep(x)

    def loop(x):
        out: list = []
        out.append(out)
        return out

    namespace = {"stub": raiser(NotImplementedError()), "deep": deep, "loop": loop}
    with kernel(namespace) as k:
        with pytest.raises(StudentError) as caught:
            k["student"]("stub")(1)
        assert str(caught.value) == messages.UNWRITTEN.format(label="stub") and caught.value.unanswered
        with pytest.raises(StudentError, match="^deep recursed without end.$"):
            k["student"]("deep")(1)
        with pytest.raises(StudentError, match="^loop returned something that is not plain data"):
            k["student"]("loop")(1)
        with pytest.raises(StudentError, match="^missing is not defined"):
            k["student"]("missing")(1)
        assert type(k["student"]("stub").raises(1)) is NotImplementedError


NOTEBOOK = """
import numpy as np

def careful(dA):
    try:
        relu_backward(dA, np.ones((4, 5)))
    except Exception as err:
        return type(err).__name__, [c.__name__ for c in type(err).__mro__], str(err)

def uses(dA, Z):
    return relu_backward(dA, Z) * 2
"""


def test_a_dependencys_error_reaches_the_students_code_as_a_builtin_and_the_grader_answers_it():
    namespace: dict = {}
    exec(NOTEBOOK, namespace)  # the notebook's globals, where the probe puts its stubs
    with kernel(namespace, stubs=["relu_backward"]) as k:
        name, mro, message = k["student"]("careful")(np.ones((2, 3)))
        assert name == "ValueError" and mro == ["ValueError", "Exception", "BaseException", "object"]
        assert "could not be broadcast" in message
        dA, Z = np.arange(6.0).reshape(2, 3), np.array([[1.0, -1, 2], [-2, 3, -3]])
        assert np.array_equal(k["student"]("uses")(dA, Z), 2 * ref.relu_backward(dA, Z))
    assert "relu_backward" not in namespace  # the stub is gone once the call returns


def test_objects_are_passed_by_handle_and_never_reach_the_grader():
    class Accumulator:
        def __init__(self, start):
            self.total = start

        def add(self, x):
            self.total += x
            return self.total

    def make(start):
        return Accumulator(start), np.float64(start)

    with kernel({"Accumulator": Accumulator, "make": make}) as k:
        f = k["student"]("Accumulator")
        obj = f(1.0)
        assert isinstance(obj, wire.Opaque) and obj.type_name == "Accumulator" and obj.handle is not None
        assert f.method(obj, "add", 2.0) == 3.0 and f.method(obj, "add", 4.0) == 7.0  # one object, kept
        other, start = k["student"]("make")(10.0)
        assert isinstance(other, wire.Opaque) and other.handle != obj.handle and start == 10.0
        assert f.method(other, "add", 1.0) == 11.0 and f.method(obj, "add", 0.0) == 7.0
        with pytest.raises(StudentError, match=r"^Accumulator objects have no method scale\(\)\.$"):
            f.method(obj, "scale", 2.0)
        with pytest.raises(StudentError, match="no method add"):  # a stand-in without a handle
            f.method(wire.Opaque("Accumulator"), "add", 1.0)


def test_a_call_interrupted_by_the_time_limit_is_told_to_the_grader_and_stops_the_probe():
    with kernel({"spin": raiser(KeyboardInterrupt())}) as k:
        with pytest.raises(Interrupted):
            k["student"]("spin")(1)
    assert isinstance(k["ended"], KeyboardInterrupt)


@pytest.fixture
def listening(tmp_path, monkeypatch):
    """The oracle of 02_backward_step for one student, on its Unix socket in ``tmp_path``; this
    process's environment plays the kernel's, which the grader gives ``Oracle.environment``."""
    with oracle.Oracle("s1", "02_backward_step", tmp_path) as served:
        for name, value in served.environment.items():
            monkeypatch.setenv(name, value)
        yield served


def in_kernel(grade_id, namespace):
    """``probe.grade_test`` as a hidden cell runs it, in a thread: (points, or what it raised)."""
    box = {}

    def cell():
        try:
            box["out"] = probe.grade_test(grade_id, namespace)
        except BaseException as err:  # noqa: BLE001
            box["out"] = err

    thread = threading.Thread(target=cell)
    thread.start()
    thread.join(timeout=120)
    assert not thread.is_alive()
    return box["out"]


def reference_namespace(**overrides):
    return {name: getattr(ref, name) for name in ref.__all__} | overrides


def test_the_oracle_grades_over_its_socket_as_the_in_process_runner_does(listening, capsys):
    grade_id = "test_linear_activation_backward_relu"
    ns = reference_namespace(linear_activation_backward=lambda dA, cache, activation: ref.linear_activation_backward(
        dA, cache, activation)[::-1])
    points = in_kernel(grade_id, ns)
    verdict = listening.results[grade_id]
    test = registry.get(grade_id)
    assert verdict == result_of(test, run_test(test, ns, "s1")) and points == verdict["score"] < test.points
    assert verdict["status"] == Status.FAILED and "FAILED" in capsys.readouterr().out
    assert in_kernel("test_relu_backward_random", reference_namespace()) == 2.0
    assert listening.results["test_relu_backward_random"]["status"] == Status.PASSED


def test_an_unwritten_function_is_unanswered_in_the_verdict(listening):
    def stub(dZ, cache):
        raise NotImplementedError()

    assert in_kernel("test_linear_backward_random", reference_namespace(linear_backward=stub)) == 0
    verdict = listening.results["test_linear_backward_random"]
    assert verdict["status"] == Status.UNANSWERED
    assert verdict["diagnosis"] == messages.UNWRITTEN.format(label="linear_backward")
    assert in_kernel("test_q_shape_of_dW_answer", {}) == 0  # a concept question left unanswered
    assert listening.results["test_q_shape_of_dW_answer"]["status"] == Status.UNANSWERED


def test_a_timed_out_function_scores_zero_there_and_in_its_further_tests_at_once(listening):
    first, second = "test_linear_activation_backward_relu", "test_linear_activation_backward_sigmoid"
    calls = []

    def spin(dA, cache, activation):
        calls.append(activation)
        raise KeyboardInterrupt  # what the kernel raises when the cell's time limit interrupts it

    ns = reference_namespace(linear_activation_backward=spin)
    assert isinstance(in_kernel(first, ns), KeyboardInterrupt)  # the cell stops, as in the kernel
    assert in_kernel(second, ns) == 0 and calls == ["relu"]  # not called again (served after the first)
    assert listening.results[first]["diagnosis"] == messages.timed_out(cell=True)
    assert listening.stopped == {"linear_activation_backward": first}
    assert listening.results[second]["diagnosis"] == messages.STOPPED.format(test=first)
    assert in_kernel("test_relu_backward_random", ns) == 2.0  # other functions are graded as usual


def test_a_kernel_that_dies_during_a_test_leaves_an_interrupted_verdict(listening):
    grade_id = "test_linear_backward_random"
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.connect(listening.address)
        wire.send(sock, {"op": "start", "grade_id": grade_id, "token": listening.token})
        assert wire.receive(sock)["op"] == "call"  # the kernel dies here, before it answers
    assert in_kernel("test_relu_backward_random", reference_namespace()) == 2.0  # served after it
    verdict = listening.results[grade_id]
    assert verdict["interrupted"] and verdict["diagnosis"] == messages.INTERRUPTED and verdict["score"] == 0


def test_a_connection_without_the_token_or_for_another_assignment_is_not_served(listening):
    for start in ({"op": "start", "grade_id": "test_linear_backward_random", "token": "guess"},
                  {"op": "start", "grade_id": "test_update_parameters_two_layers", "token": listening.token}):
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.connect(listening.address)
            wire.send(sock, start)
            with pytest.raises(wire.ConnectionClosed):
                wire.receive(sock)
    assert listening.results == {}


def test_evaluate_over_a_socket_gives_the_in_process_verdict_for_a_planted_mistake():
    test = registry.get("test_linear_backward_random")

    def no_mean(dZ, cache):
        A_prev, W, b = cache
        return W.T @ dZ, dZ @ A_prev.T, np.sum(dZ, axis=1, keepdims=True)

    ns = reference_namespace(linear_backward=no_mean)
    grader, probe_end = socket.socketpair()
    thread = threading.Thread(target=lambda: probe.serve(probe_end, ns), daemon=True)
    thread.start()
    with grader, probe_end:
        over_socket = result_of(test, evaluate(test, SocketChannel(grader), "s7"))
        wire.send(grader, {"op": "done"})
        thread.join(timeout=10)
    assert over_socket == result_of(test, run_test(test, ns, "s7")) and over_socket["score"] < test.points

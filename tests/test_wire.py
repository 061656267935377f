"""The data-only encoding between the sandbox and the judge."""

import numpy as np
import pytest

from mlkata import wire


@pytest.mark.parametrize("value", [
    np.asarray(1.5), np.arange(6.0).reshape(2, 3), np.arange(6).reshape(3, 2).T, np.array(["a", "bc"]),
    np.array([True, False]), np.zeros((0, 3)), np.array([1 + 2j]), np.array(2.5, dtype=np.float32),
])
def test_arrays_round_trip_with_shape_and_dtype(value):
    back = wire.loads(wire.dumps(value))
    assert back.shape == value.shape and back.dtype == value.dtype
    np.testing.assert_array_equal(back, value)


def test_nested_values_and_special_floats_round_trip():
    value = {"a": [1, 2.5, None, True, "x"], "b": {"c": float("nan"), "d": float("-inf")}}
    back = wire.loads(wire.dumps(value))
    assert back["a"] == [1, 2.5, None, True, "x"]
    assert np.isnan(back["b"]["c"]) and back["b"]["d"] == float("-inf")


@pytest.mark.parametrize("value", [np.array([object()]), object(), {1: 2}, lambda: 0])
def test_what_is_not_data_is_refused(value):
    with pytest.raises(wire.Unencodable):
        wire.dumps(value)


@pytest.mark.parametrize("payload", [
    b'{"__ndarray__": ["|O", [1], ""]}',
    b'{"__ndarray__": ["<f8", [2], "AAAA"]}',
    b'{"__pickle__": "gASV"}',
    b"[" * 100000 + b"]" * 100000,
    b"\xff\xfe",
])
def test_forged_messages_raise_wire_error(payload):
    with pytest.raises(wire.WireError):
        wire.loads(payload)


def test_frame_length_refuses_absurd_sizes():
    with pytest.raises(wire.WireError):
        wire.frame_length((wire.MAX_FRAME + 1).to_bytes(8, "big"))

"""Data-only encoding for everything that crosses the sandbox boundary.

Nothing from the learner's process is ever unpickled: a message is JSON whose only
non-JSON value is an array, spelled ``{"__ndarray__": [dtype, shape, base64 bytes]}`` with
a numeric, boolean or fixed-width string dtype. Decoding validates all of it, so a forged
or truncated message raises :class:`WireError` instead of running anything.
"""

from __future__ import annotations

import base64
import json
import math
import struct

import numpy as np

MAX_FRAME = 256 * 1024 * 1024
_ALLOWED_KINDS = set("biufcUS")  # bool, ints, floats, complex, str, bytes: never "O"
_HEADER = struct.Struct("!Q")


class WireError(ValueError):
    """A message that is not valid data."""


class Unencodable(TypeError):
    """A value that has no data-only encoding (the message names its type)."""


def _to_jsonable(value, path="result"):
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, (int, np.integer)) and not isinstance(value, np.bool_):
        return int(value)
    if isinstance(value, (float, np.floating)):
        value = float(value)
        return value if math.isfinite(value) else {"__float__": repr(value)}
    if isinstance(value, np.bool_):
        return bool(value)
    if isinstance(value, np.ndarray):
        if value.dtype.kind not in _ALLOWED_KINDS:
            raise Unencodable(f"{path} is an array of dtype {value.dtype}, not numbers or strings")
        # value.shape, not ascontiguousarray(value).shape: the latter makes a 0-d array 1-d
        return {"__ndarray__": [value.dtype.str, list(value.shape), base64.b64encode(value.tobytes(order="C")).decode()]}
    if isinstance(value, (list, tuple)):
        return [_to_jsonable(v, f"{path}[{i}]") for i, v in enumerate(value)]
    if isinstance(value, dict):
        if not all(isinstance(k, str) for k in value):
            raise Unencodable(f"{path} has keys that are not strings")
        return {"__dict__": {k: _to_jsonable(v, f"{path}[{k!r}]") for k, v in value.items()}}
    raise Unencodable(f"{path} is a {type(value).__name__}, not an array, number, string or list")


def _from_jsonable(value):
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, list):
        return [_from_jsonable(v) for v in value]
    if isinstance(value, dict) and len(value) == 1:
        (tag, body), = value.items()
        if tag == "__ndarray__":
            return _array(body)
        if tag == "__dict__" and isinstance(body, dict):
            return {str(k): _from_jsonable(v) for k, v in body.items()}
        if tag == "__float__" and body in ("nan", "inf", "-inf"):
            return float(body)
    raise WireError(f"unexpected value in message: {str(value)[:80]}")


def _array(body):
    try:
        dtype_str, shape, data = body
        dtype = np.dtype(dtype_str)
        shape = tuple(int(n) for n in shape)
        raw = base64.b64decode(data.encode(), validate=True)
    except (TypeError, ValueError) as error:
        raise WireError(f"malformed array: {error}") from None
    if dtype.kind not in _ALLOWED_KINDS or any(n < 0 for n in shape):
        raise WireError(f"array of dtype {dtype} or shape {shape} is not allowed")
    if math.prod(shape) * dtype.itemsize != len(raw):
        raise WireError(f"array of shape {shape} and dtype {dtype} does not fit its {len(raw)} bytes")
    return np.frombuffer(raw, dtype=dtype).reshape(shape).copy()


def dumps(value) -> bytes:
    """Encode ``value`` (arrays, numbers, strings, and lists or str-keyed dicts of them)."""
    return json.dumps(_to_jsonable(value), allow_nan=False).encode()


def loads(payload: bytes):
    """Decode a message made by :func:`dumps`; raise :class:`WireError` on anything else."""
    try:
        return _from_jsonable(json.loads(payload))
    except WireError:
        raise
    except (ValueError, RecursionError, UnicodeDecodeError) as error:
        raise WireError(f"not a valid message: {type(error).__name__}") from None


def frame(payload: bytes) -> bytes:
    """Prefix ``payload`` with its length."""
    return _HEADER.pack(len(payload)) + payload


def frame_length(header: bytes) -> int:
    """The payload length a frame header announces, refusing absurd sizes."""
    (length,) = _HEADER.unpack(header)
    if length > MAX_FRAME:
        raise WireError(f"message of {length} bytes exceeds the {MAX_FRAME}-byte limit")
    return length


HEADER_SIZE = _HEADER.size

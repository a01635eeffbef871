#!/usr/bin/python3
"""Convert a TensorFlow.js graph model (model.json + .bin shards) to TorchScript.

The TF.js graph is interpreted node by node by a torch.nn.Module
(`TfjsGraphModule`); tracing that module with torch.jit.trace records the
equivalent chain of aten operations, which torch.jit.freeze then turns into a
self-contained, frozen TorchScript module saved as a .pt file.

Layout: the saved module takes and returns tensors in the layout of the
original graph (NHWC images, float32). Internally 4-D activations are NCHW
tensors stored channels-last: the NHWC input is only permuted (no copy), and
the convolutions run on that memory as it is. Every node that cares about axes
(Pad, ConcatV2, Reshape, Shape, DepthToSpace, ...) maps its axes accordingly,
so the result is the same as running the graph in NHWC.

Speed: these models run one image (or two eyes) at a time on one thread, where
libtorch's cost per operation matters more than the arithmetic. So:
- every convolution is an XNNPACK prepacked convolution
  (prepacked::conv2d_clamp_run): NHWC memory natively, bias and Relu/Relu6
  fused, a few microseconds of overhead per call where ATen's oneDNN path
  costs about 40. The saved module holds the weights as plain tensors; libtorch
  packs them again when it loads the module;
- TF's asymmetric SAME padding becomes a kernel with one more, zero, tap and
  symmetric padding (which is all the prepacked convolution takes), instead
  of a padded copy of the input;
- a residual added to channel-padded input adds into the first channels in
  place instead of materialising the zero-padded tensor;
- additions and Relus write into intermediate results nobody else reads;
- two branches of the same structure (the attention mesh's left and right
  eye regions) run their layers once, side by side in channels, each
  convolution as a grouped one holding both kernels (see _find_twins);
- MediaPipe's custom operations, which the TF.js graph spells out in dozens
  of small operations each, run as a few torch operations (see
  _find_composites).

Only the operations met in the MediaPipe face models are implemented; any
other operation stops the conversion with a clear error instead of producing a
wrong model.

Usage:
  /usr/bin/python3 convert.py MODEL.json OUT.pt [--output NAME[=TENSOR]]... [--batch N]
  /usr/bin/python3 convert.py --config models.json --out-dir DIR

Needs Debian's python3-torch and python3-numpy (run with /usr/bin/python3).
"""

import argparse
import base64
import hashlib
import heapq
import json
import math
import os
import shutil
import sys
import tempfile

import numpy as np
import torch
import torch.nn.functional as F

CONVERTER_VERSION = "2"

# Axis of a logical NHWC tensor -> axis of its internal NCHW representation.
NHWC_TO_NCHW = {0: 0, 1: 2, 2: 3, 3: 1}

NCHW = "nchw"    # 4-D tensor stored as NCHW, logically NHWC
PLAIN = "plain"  # tensor stored in its logical layout
SHAPE = "shape"  # Python list of ints (a shape, possibly with traced sizes)
CONST = "const"  # numpy array from a Const node


# --------------------------------------------------------------------------
# Reading the TF.js graph model
# --------------------------------------------------------------------------

def decode_attr(value):
    """Turn a TF AttrValue in TF.js JSON form into a plain Python value."""
    if "list" in value:
        lst = value["list"]
        if "s" in lst:
            return [base64.b64decode(s).decode("utf-8") for s in lst["s"]]
        if "i" in lst:
            return [int(i) for i in lst["i"]]
        if "f" in lst:
            return [float(f) for f in lst["f"]]
        if "b" in lst:
            return [bool(b) for b in lst["b"]]
        return []
    if "s" in value:
        return base64.b64decode(value["s"]).decode("utf-8")
    if "i" in value:
        return int(value["i"])
    if "f" in value:
        return float(value["f"])
    if "b" in value:
        return bool(value["b"])
    if "type" in value:
        return value["type"]
    return value


def read_weights(model_dir, manifest):
    """Read every weight of the manifest into float32/int32 numpy arrays."""
    weights = {}
    for group in manifest:
        data = b"".join(
            open(os.path.join(model_dir, path), "rb").read() for path in group["paths"]
        )
        offset = 0
        for spec in group["weights"]:
            count = int(np.prod(spec["shape"], dtype=np.int64))
            dtype = spec["dtype"]
            quant = spec.get("quantization")
            if quant:
                qtype = quant["dtype"]
                if qtype == "float16":
                    raw = np.frombuffer(data, dtype="<f2", count=count, offset=offset)
                    values = raw.astype(np.float32)
                    offset += 2 * count
                elif qtype in ("uint8", "uint16"):
                    np_type = "<u1" if qtype == "uint8" else "<u2"
                    raw = np.frombuffer(data, dtype=np_type, count=count, offset=offset)
                    values = (raw.astype(np.float32) * np.float32(quant["scale"])
                              + np.float32(quant["min"]))
                    offset += raw.itemsize * count
                else:
                    raise ValueError("unsupported quantization %r of %s" % (qtype, spec["name"]))
                if dtype == "int32":
                    values = np.round(values).astype(np.int32)
            else:
                np_type = {"float32": "<f4", "int32": "<i4", "bool": "u1"}.get(dtype)
                if np_type is None:
                    raise ValueError("unsupported weight dtype %r of %s" % (dtype, spec["name"]))
                values = np.frombuffer(data, dtype=np_type, count=count, offset=offset).copy()
                offset += values.itemsize * count
                if dtype == "float32":
                    values = values.astype(np.float32)
                elif dtype == "int32":
                    values = values.astype(np.int32)
            weights[spec["name"]] = values.reshape(spec["shape"])
        if offset != len(data):
            raise ValueError("weight group %s: %d bytes read, %d present"
                             % (group["paths"], offset, len(data)))
    return weights


def read_model(model_json):
    with open(model_json, "r", encoding="utf-8") as f:
        model = json.load(f)
    if model.get("format") not in (None, "graph-model"):
        raise ValueError("not a TF.js graph model: format %r" % model.get("format"))
    topology = model["modelTopology"]
    if topology.get("library", {}).get("function"):
        raise ValueError("graphs with functions (control flow) are not supported")
    nodes = []
    for raw in topology["node"]:
        nodes.append({
            "name": raw["name"],
            "op": raw["op"],
            "inputs": [i for i in raw.get("input", []) if not i.startswith("^")],
            "attr": {k: decode_attr(v) for k, v in raw.get("attr", {}).items()},
        })
    weights = read_weights(os.path.dirname(os.path.abspath(model_json)), model["weightsManifest"])
    signature = model.get("signature") or (model.get("userDefinedMetadata") or {}).get("signature")
    return model, nodes, weights, signature


def tensor_name(ref):
    """'node:0' or 'node' -> ('node', 0)."""
    if ":" in ref:
        name, index = ref.rsplit(":", 1)
        if index.isdigit():
            return name, int(index)
    return ref, 0


# --------------------------------------------------------------------------
# Shape arithmetic as TF defines it
# --------------------------------------------------------------------------

def same_padding(size, kernel, stride, dilation):
    """TF 'SAME' padding of one spatial axis: (before, after)."""
    effective = (kernel - 1) * dilation + 1
    out = -(-size // stride)
    total = max((out - 1) * stride + effective - size, 0)
    return total // 2, total - total // 2


def to_int_list(value):
    if isinstance(value, np.ndarray):
        return [int(v) for v in value.reshape(-1)]
    return [int(v) if isinstance(v, (np.integer,)) else v for v in value]


# --------------------------------------------------------------------------
# The graph interpreter
# --------------------------------------------------------------------------

CONV_OPS = {"Conv2D", "_FusedConv2D", "DepthwiseConv2dNative", "FusedDepthwiseConv2dNative"}
UNARY_OPS = {
    "Relu": F.relu,
    "Relu6": lambda x: torch.clamp(x, 0.0, 6.0),
    "Sigmoid": torch.sigmoid,
    "Tanh": torch.tanh,
    "Neg": torch.neg,
    "Floor": torch.floor,
    "Cos": torch.cos,
    "Sin": torch.sin,
}
# The same operations on constants, folded while converting.
HOST_UNARY_OPS = {
    "Neg": np.negative, "Floor": np.floor, "Cos": np.cos, "Sin": np.sin,
}
BINARY_OPS = {
    "Add": torch.add,
    "AddV2": torch.add,
    "Sub": torch.sub,
    "Mul": torch.mul,
    "RealDiv": torch.div,
    "Maximum": torch.maximum,
    "Minimum": torch.minimum,
    "Atan2": torch.atan2,
    "GreaterEqual": torch.ge,
    "LessEqual": torch.le,
    "LogicalAnd": torch.logical_and,
}
HOST_BINARY_OPS = {
    "Add": np.add, "AddV2": np.add, "Sub": np.subtract, "Mul": np.multiply,
    "RealDiv": np.divide, "Maximum": np.maximum, "Minimum": np.minimum,
    "Atan2": np.arctan2, "GreaterEqual": np.greater_equal, "LessEqual": np.less_equal,
    "LogicalAnd": np.logical_and,
}
OTHER_OPS = {
    "Cast": "_cast", "ExpandDims": "_expand_dims", "Transpose": "_transpose",
    "MatMul": "_matmul", "BatchMatMulV2": "_matmul", "GatherV2": "_gather",
    "Min": "_reduce", "Max": "_reduce", "AddN": "_add_n", "Range": "_range",
    "Tile": "_tile", "Fill": "_fill", "ZerosLike": "_zeros_like",
}
# TF dtype names -> (torch dtype, numpy dtype)
DTYPES = {
    "DT_FLOAT": (torch.float32, np.float32),
    "DT_INT32": (torch.int32, np.int32),
    "DT_INT64": (torch.int64, np.int64),
    "DT_BOOL": (torch.bool, np.bool_),
}
# Operations whose result is a new tensor owned by the graph (not an input,
# a constant or an alias), so a single reader may write into it.
FRESH_RESULT_OPS = CONV_OPS | {"Relu", "Relu6", "Prelu", "AddV2", "Add", "MaxPool"}
SUPPORTED_OPS = CONV_OPS | set(UNARY_OPS) | set(BINARY_OPS) | {
    "Const", "Placeholder", "Identity", "Pad", "PadV2", "MaxPool", "Prelu",
    "Reshape", "Shape", "StridedSlice", "Pack", "ConcatV2", "DepthToSpace",
    "ResizeBilinear", "Cast", "ExpandDims", "Transpose", "MatMul", "BatchMatMulV2",
    "GatherV2", "Min", "Max", "AddN", "Range", "Tile", "Fill", "ZerosLike",
}


class TfjsGraphModule(torch.nn.Module):
    """Runs a TF.js graph (as read by read_model) with torch operations."""

    def __init__(self, nodes, weights, input_name, output_refs, input_shape, static_shapes=False):
        super().__init__()
        # With a fixed batch size every shape is known: Shape nodes become
        # constants, and whatever only depends on shapes and constants is
        # computed here, once, instead of in every run of the saved module.
        self.static_shapes = static_shapes
        self.by_name = {n["name"]: n for n in nodes}
        self.input_name = input_name
        self.output_refs = output_refs
        self.order = self._topological_order(output_refs)
        unsupported = sorted({self.by_name[n]["op"] for n in self.order} - SUPPORTED_OPS)
        if unsupported:
            raise NotImplementedError("unsupported TF.js operations: %s" % ", ".join(unsupported))
        self.weights = weights
        self.consumers = {}
        for name in self.order:
            for ref in self.by_name[name]["inputs"]:
                self.consumers.setdefault(tensor_name(ref)[0], []).append(name)
        self.input_shape = list(input_shape)
        self.folded_pads = self._fold_pads()
        self.params = {}
        self.groups = {}
        self.kernel_hw = {}
        self.per_channel_alpha = set()
        self._prepare_parameters()
        self.twins = self._find_twins()
        self._prepare_twin_parameters()
        self.order = self._order_with_twins()
        self.composites = self._find_composites()
        inside = {n for _, _, internal in self.composites.values() for n in internal}
        self.order = [n for n in self.order if n not in inside]
        # Spatial sizes are fixed by the model's input size: record them in one
        # eager run so that tracing bakes padding amounts in as constants
        # (only the batch size stays dynamic).
        self.static_chw = {}
        self.packed_index = {}
        self._recording = True
        with torch.no_grad():
            self.forward(torch.zeros([1] + self.input_shape[1:], dtype=torch.float32))
        self._recording = False

    # -- preparation -------------------------------------------------------

    def _topological_order(self, output_refs):
        order, state = [], {}
        for ref in output_refs:
            stack = [(tensor_name(ref)[0], False)]
            while stack:
                name, expanded = stack.pop()
                if name not in self.by_name:
                    raise KeyError("graph has no node %r" % name)
                if expanded:
                    if state.get(name) != "done":
                        state[name] = "done"
                        order.append(name)
                    continue
                if state.get(name) == "done":
                    continue
                if state.get(name) == "open":
                    raise ValueError("graph has a cycle at %r" % name)
                state[name] = "open"
                stack.append((name, True))
                for inp in reversed(self.by_name[name]["inputs"]):
                    dep = tensor_name(inp)[0]
                    if state.get(dep) != "done":
                        stack.append((dep, False))
        return order

    def _const(self, ref):
        name = tensor_name(ref)[0]
        node = self.by_name[name]
        if node["op"] != "Const":
            return None
        if name not in self.weights:
            raise ValueError("constant %r has no value in the weights manifest" % name)
        return self.weights[name]

    def _fold_pads(self):
        """Zero Pad nodes on H/W only, symmetric, feeding only VALID convolutions,
        become the convolution's own padding (same result, one copy less)."""
        folded = {}
        for name in self.order:
            node = self.by_name[name]
            if node["op"] != "Pad":
                continue
            pads = self._const(node["inputs"][1])
            if pads is None or pads.shape != (4, 2):
                continue
            pads = pads.tolist()
            if pads[0] != [0, 0] or pads[3] != [0, 0]:
                continue
            if pads[1][0] != pads[1][1] or pads[2][0] != pads[2][1]:
                continue
            users = self.consumers.get(name, [])
            if not users or name in [tensor_name(r)[0] for r in self.output_refs]:
                continue
            ok = all(self.by_name[u]["op"] in CONV_OPS
                     and self.by_name[u]["attr"].get("padding") == "VALID"
                     and tensor_name(self.by_name[u]["inputs"][0])[0] == name
                     and all(tensor_name(r)[0] != name for r in self.by_name[u]["inputs"][1:])
                     for u in users)
            if ok:
                folded[name] = (pads[1][0], pads[2][0])
        return folded

    def _buffer(self, key, array):
        tensor = torch.from_numpy(np.ascontiguousarray(array, dtype=np.float32))
        buffer_name = "p%d" % len(self.params)
        self.register_buffer(buffer_name, tensor)
        self.params[key] = buffer_name

    def _alpha(self, name, alpha):
        """Prelu slopes: one per channel ([C]) or a full NHWC-broadcast tensor."""
        if alpha.ndim <= 1 or all(d == 1 for d in alpha.shape[:-1]):
            self._buffer((name, "alpha"), alpha.reshape(-1))
            self.per_channel_alpha.add(name)
        else:
            self._buffer((name, "alpha"), alpha)

    def _prepare_parameters(self):
        for name in self.order:
            node = self.by_name[name]
            op = node["op"]
            if op in CONV_OPS:
                kernel = self._const(node["inputs"][1])
                if kernel is None:
                    raise ValueError("%s: convolution filter must be a constant" % name)
                if op in ("Conv2D", "_FusedConv2D"):
                    # TF [kh, kw, in, out] -> torch [out, in, kh, kw]
                    self._buffer((name, "weight"), kernel.transpose(3, 2, 0, 1))
                    self.groups[name] = 1
                else:
                    # TF [kh, kw, in, multiplier] -> torch [in*multiplier, 1, kh, kw],
                    # output channel i*multiplier + m as in TF.
                    kh, kw, cin, mult = kernel.shape
                    w = kernel.transpose(2, 3, 0, 1).reshape(cin * mult, 1, kh, kw)
                    self._buffer((name, "weight"), w)
                    self.groups[name] = cin
                self.kernel_hw[name] = (int(kernel.shape[0]), int(kernel.shape[1]))
                fused = node["attr"].get("fused_ops", [])
                if op in ("_FusedConv2D", "FusedDepthwiseConv2dNative"):
                    if not fused or fused[0] != "BiasAdd" or len(fused) > 2:
                        raise NotImplementedError("%s: fused ops %s" % (name, fused))
                    if len(fused) == 2 and fused[1] not in ("Relu", "Relu6", "Prelu"):
                        raise NotImplementedError("%s: fused activation %s" % (name, fused[1]))
                    bias = self._const(node["inputs"][2])
                    self._buffer((name, "bias"), bias.reshape(-1))
                    if len(fused) == 2 and fused[1] == "Prelu":
                        self._alpha(name, self._const(node["inputs"][3]))
            elif op == "Prelu":
                alpha = self._const(node["inputs"][1])
                if alpha is None:
                    raise ValueError("%s: Prelu alpha must be a constant" % name)
                self._alpha(name, alpha)
            elif op in BINARY_OPS:
                for i, ref in enumerate(node["inputs"]):
                    const = self._const(ref)
                    if const is not None and const.dtype == np.float32:
                        self._buffer((name, "operand%d" % i), const)

    def _param(self, key):
        return getattr(self, self.params[key])

    def _chw(self, name, x):
        """Static (channels, height, width) of the NCHW tensor x at node `name`."""
        if self._recording:
            self.static_chw[name] = (int(x.shape[1]), int(x.shape[2]), int(x.shape[3]))
        return self.static_chw[name]

    def _fresh(self, ref):
        """True when the tensor `ref` names is an intermediate result computed
        here and read by one node only, so that node may overwrite it."""
        name = tensor_name(ref)[0]
        if name in [tensor_name(r)[0] for r in self.output_refs]:
            return False
        if self.by_name[name]["op"] not in FRESH_RESULT_OPS:
            return False
        return len(self.consumers.get(name, [])) == 1

    def _channel_pad(self, ref):
        """(source ref, zero channels added) if `ref` is a Pad adding zero
        channels after a 4-D tensor's own channels and nothing else, read by
        one node only; otherwise None."""
        node = self.by_name[tensor_name(ref)[0]]
        if node["op"] != "Pad" or len(self.consumers.get(node["name"], [])) != 1:
            return None
        pads = self._const(node["inputs"][1])
        if pads is None or pads.shape != (4, 2):
            return None
        pads = pads.tolist()
        if pads[:3] != [[0, 0], [0, 0], [0, 0]] or pads[3][0] != 0 or pads[3][1] <= 0:
            return None
        return node["inputs"][0], pads[3][1]

    def _extended_kernel(self, name, weight, rows, cols):
        """The kernel with `rows` and `cols` zero taps added (negative: after,
        positive: before), made once while recording and kept as a buffer."""
        if self._recording:
            pad = (max(cols, 0), max(-cols, 0), max(rows, 0), max(-rows, 0))
            self._buffer((name, "weight_ext"), F.pad(weight, pad).numpy())
        return self._param((name, "weight_ext"))

    def _packed(self, name, context=None):
        """The prepacked convolution of node `name`, kept as a module attribute
        so that tracing records it as a constant of the saved module."""
        attribute = "packed_%d" % self.packed_index.setdefault(name, len(self.packed_index))
        if context is not None:
            setattr(self, attribute, context)
        return getattr(self, attribute)

    # -- MediaPipe's custom operations ---------------------------------------

    def _find_composites(self):
        """{output node: (function, parameters, nodes inside)} for MediaPipe's
        custom TFLite operations in the attention mesh: Landmarks2TransformMatrix,
        TransformTensorBilinear and TransformLandmarks. The TF.js conversion
        spells each out in 20 to 130 small operations on matrices and index
        vectors, whose cost is all overhead; each runs here as a few torch
        operations with the same arithmetic. A scope is taken only when its
        nodes are exactly where this expects them and nothing outside reads
        its inside; anything else stays on the generic path, and parity with
        TF.js checks the result either way."""
        kinds = [
            ("landmarks_to_transform_matrix_v2", "MatMul_5", self._landmarks_to_matrix_params),
            ("transform_tensor_bilinear_v2", "SpatialTransformer/transform/Reshape_5",
             self._transform_bilinear_params),
            ("transform_landmarks_v2", "strided_slice_11", self._transform_landmarks_params),
        ]
        found = {}
        for name in self.order:
            for scope_name, last, params_of in kinds:
                parts = name.split("/")
                scopes = [i for i, part in enumerate(parts)
                          if part == scope_name or part.startswith(scope_name + "_")
                          and part[len(scope_name) + 1:].isdigit()]
                if not scopes or "/".join(parts[scopes[0] + 1:]) != last:
                    continue
                scope = "/".join(parts[:scopes[0] + 1]) + "/"
                try:
                    function, params, inputs = params_of(scope)
                except (KeyError, ValueError, TypeError, IndexError):
                    continue
                internal = [n for n in self.order if n.startswith(scope) and n != name]
                read_outside = any(c not in internal and c != name
                                   for n in internal for c in self.consumers.get(n, []))
                if not read_outside:
                    found[name] = (function, (params, inputs), internal)
        return found

    def _node(self, scope, suffix, op):
        node = self.by_name[scope + suffix]
        if node["op"] != op:
            raise ValueError("%s%s is %s, not %s" % (scope, suffix, node["op"], op))
        return node

    def _const_input(self, node, index):
        value = self._const(node["inputs"][index])
        if value is None:
            raise ValueError("%s input %d is not a constant" % (node["name"], index))
        return np.asarray(value)

    def _landmarks_to_matrix_params(self, s):
        gather = self._node(s, "GatherV2", "GatherV2")
        if int(self._const_input(gather, 2)) != 1:
            raise ValueError("gather axis")
        corner = lambda suffix: [int(v) for v in self._const_input(
            self._node(s, suffix, "StridedSlice"), 1)]
        a_x, a_y, b_x, b_y = (corner(x) for x in
                              ("strided_slice", "strided_slice_1", "strided_slice_2", "strided_slice_3"))
        if not (a_x[1] == a_y[1] and b_x[1] == b_y[1] and a_x[2] == b_x[2] == 0
                and a_y[2] == b_y[2] == 1):
            raise ValueError("rotation points")
        self._node(s, "Atan2", "Atan2")
        scale = [float(self._const_input(self._node(s, m, "Mul"), 1)) for m in ("mul", "mul_1")]
        shift = [float(self._const_input(self._node(s, m, "Mul"), 1)) for m in ("mul_2", "mul_3")]
        params = {
            "corners": torch.tensor([a_x[1], b_x[1]]),
            "subset": torch.from_numpy(self._const_input(gather, 1).astype(np.int64)),
            "scale": torch.tensor(scale, dtype=torch.float32),
            "shift": torch.tensor(shift, dtype=torch.float32).reshape(2, 1),
            "last_rows": torch.tensor([[0, 0, 1, 0], [0, 0, 0, 1]], dtype=torch.float32),
        }
        return self._landmarks_to_matrix, params, [gather["inputs"][0]]

    @staticmethod
    def _landmarks_to_matrix(p, landmarks):
        """Landmarks2TransformMatrix: the region around a subset of landmarks,
        level with the line from one corner point to the other, as a 4x4
        matrix from output grid to landmark space."""
        corners = landmarks.index_select(1, p["corners"])[:, :, :2]
        d = corners[:, 1] - corners[:, 0]
        angle = torch.atan2(d[:, 1], d[:, 0])
        c, s = torch.cos(angle), torch.sin(angle)
        unturn = torch.stack([c, s, -s, c], 1).reshape(-1, 2, 2)  # rotation by -angle
        points = landmarks.index_select(1, p["subset"])[:, :, :2]
        level = torch.matmul(points, unturn.transpose(1, 2))
        low, high = level.amin(1), level.amax(1)
        centre = torch.matmul(((low + high) * 0.5).unsqueeze(1), unturn).squeeze(1)
        linear = unturn.transpose(1, 2) * ((high - low) * p["scale"].to(landmarks.dtype)).unsqueeze(1)
        offset = centre - torch.matmul(linear, p["shift"].to(landmarks.dtype)).squeeze(2)
        top = torch.cat([linear, torch.zeros_like(offset).unsqueeze(2), offset.unsqueeze(2)], 2)
        return torch.cat([top, p["last_rows"].to(landmarks.dtype).expand(top.shape[0], 2, 4)], 1)

    def _transform_bilinear_params(self, s):
        t = "SpatialTransformer/transform/"
        m0, m1, m2, m3 = (self._node(s, "MatMul" + k, "BatchMatMulV2") for k in ("", "_1", "_2", "_3"))
        right = self._const_input(m0, 1) @ self._const_input(m2, 1)
        left = (self._const_input(m3, 0) @ self._const_input(m1, 0))[:2]
        grid = self._const_input(self._node(s, t + "Tile", "Tile"), 0).reshape(3, -1)
        rows = np.zeros((4, grid.shape[1]), dtype=np.float32)
        rows[[0, 1, 3]] = grid  # the affine's columns 0, 1, 3 meet the grid's x, y, 1
        shape = self._node(s, t + "Reshape_5/shape", "Pack")
        size = [int(self._const(r)) for r in shape["inputs"][1:]]
        features = self._node(s, t + "interpolate/Reshape", "Reshape")
        for k in ("Floor", "Floor_1", "GatherV2", "GatherV2_3", "AddN"):
            self._node(s, t + "interpolate/" + k, k.split("_")[0])
        params = {
            "left": torch.from_numpy(np.ascontiguousarray(left, dtype=np.float32)),
            "right": torch.from_numpy(np.ascontiguousarray(right @ rows, dtype=np.float32)),
            "size": size,
        }
        return self._transform_bilinear, params, [m0["inputs"][0], features["inputs"][0]]

    @staticmethod
    def _transform_bilinear(p, matrix, features):
        """TransformTensorBilinear: a size[0] x size[1] grid of bilinear samples
        of an NHWC feature map, placed by the matrix; a sample outside the map
        is zero (its four weights are), a corner outside is clamped to the edge."""
        n, height, width = features.shape[0], features.shape[1], features.shape[2]
        dtype = features.dtype
        xy = torch.matmul(torch.matmul(p["left"].to(dtype), matrix), p["right"].to(dtype))
        half = torch.tensor([[(width - 1) * 0.5], [(height - 1) * 0.5]], dtype=dtype)
        last = torch.tensor([[width - 1], [height - 1]], dtype=dtype)
        xy = half * (xy[0] + 1.0)
        inside = ((xy >= 0) & (xy <= last)).all(0).to(dtype)
        low = torch.floor(xy)
        high = low + 1.0
        to_high, from_low = high - xy, xy - low
        low_i = torch.minimum(low, last).clamp_min(0)
        high_i = torch.minimum(high, last).clamp_min(0)
        row_low, row_high = low_i[1] * width, high_i[1] * width
        index = torch.stack([row_low + low_i[0], row_high + low_i[0],
                             row_low + high_i[0], row_high + high_i[0]]).long()
        weight = torch.stack([to_high[0] * to_high[1], to_high[0] * from_low[1],
                              from_low[0] * to_high[1], from_low[0] * from_low[1]]) * inside
        flat = features.reshape(n * height * width, features.shape[3])
        picked = flat.index_select(0, index.reshape(-1)).reshape(4, -1, flat.shape[1])
        samples = (picked * weight.unsqueeze(2)).sum(0)
        return samples.reshape([n] + p["size"])

    def _transform_landmarks_params(self, s):
        begins = [[int(v) for v in self._const_input(self._node(s, "strided_slice_%d" % k,
                                                                "StridedSlice"), 1)]
                  for k in range(2, 11)]
        if begins != [[0, r, c] for r in (0, 1, 3) for c in (0, 1, 3)]:
            raise ValueError("matrix entries")
        points = self._node(s, "strided_slice_1", "StridedSlice")
        matrix = self._node(s, "strided_slice_2", "StridedSlice")
        self._node(s, "transpose_1", "Transpose")
        return self._transform_landmarks, {}, [matrix["inputs"][0], points["inputs"][0]]

    @staticmethod
    def _transform_landmarks(p, matrix, points):
        """TransformLandmarks: 2-D points through the matrix's affine part."""
        linear = matrix[:, 0:2, 0:2]
        offset = matrix[:, 0:2, 3]
        return torch.matmul(points[..., 0:2], linear.transpose(1, 2)) + offset.unsqueeze(1)

    def _run_composite(self, name, env):
        function, (params, inputs) = self.composites[name][:2]
        values = [self._plain(*env[tensor_name(r)[0]]) for r in inputs]
        return function(params, *values), PLAIN

    # -- twin branches -------------------------------------------------------

    def _find_twins(self):
        """{left node: right node} for the layers of two structurally
        identical branches ending in two of the kept outputs (the attention
        mesh's left and right eye regions): same operations, attributes and
        weight shapes, different weights. Each pair of layers then runs once
        on both branches' activations side by side in channels (a
        convolution as a grouped one holding both kernels): on these small
        feature maps the cost per operation dominates, and half as many
        operations do the same arithmetic. Only convolutions, PReLUs, max
        pools and additions fed by such layers are paired; everything else
        runs per branch on its half."""
        outputs = [tensor_name(r)[0] for r in self.output_refs]
        matched = {}
        for i, a in enumerate(outputs):
            for b in outputs[i + 1:]:
                matched.update(self._match_branches(a, b) or {})
        self.matched_branches = matched
        twins = {}
        # a layer's input pair: paired layers, or two matching images put side by side
        pairable = lambda d: d in twins or (d in matched and self._is_image(d))
        for name in self.order:
            if name not in matched:
                continue
            node = self.by_name[name]
            op = node["op"]
            data = [tensor_name(r)[0] for r in node["inputs"]
                    if self.by_name[tensor_name(r)[0]]["op"] != "Const"]
            if op in CONV_OPS:
                ok = len(data) == 1
            elif op == "Prelu":
                ok = data == [tensor_name(node["inputs"][0])[0]] and pairable(data[0])
            elif op == "MaxPool":
                ok = len(data) == 1 and pairable(data[0])
            elif op in ("Pad", "PadV2"):
                # a channel padding left to the addition that reads it
                ok = (not self._pad_needed(name) and data[0] in twins)
            elif op in ("Add", "AddV2"):
                ok = len(data) == 2 and all(pairable(d) for d in data) and (
                    all(self.by_name[d]["op"] not in ("Pad", "PadV2") for d in data)
                    or any(self._fresh(r) and self.by_name[tensor_name(r)[0]]["op"]
                           not in ("Pad", "PadV2") for r in node["inputs"]))
            else:
                ok = False
            if ok:
                twins[name] = matched[name]
        return twins

    def _is_image(self, name):
        """True if node `name` yields a 4-D activation (NHWC in the graph),
        as far as the graph's structure tells."""
        node = self.by_name[name]
        op = node["op"]
        if op in CONV_OPS or op in ("MaxPool", "DepthToSpace", "ResizeBilinear"):
            return True
        if op in ("Prelu", "Relu", "Relu6", "Pad", "PadV2", "Identity"):
            return self._is_image(tensor_name(node["inputs"][0])[0])
        if op == "Reshape":
            shape = self.by_name[tensor_name(node["inputs"][1])[0]]
            if shape["op"] == "Const":
                return np.size(self._const(node["inputs"][1])) == 4
            return shape["op"] == "Pack" and len(shape["inputs"]) == 4
        return False

    def _match_branches(self, a, b):
        """{node: twin} if the subgraphs ending in nodes a and b have the same
        structure down to where they meet; otherwise None."""
        found = {}
        stack = [(a, b)]
        while stack:
            x, y = stack.pop()
            if x == y or found.get(x) == y:
                continue
            nx, ny = self.by_name[x], self.by_name[y]
            if nx["op"] != ny["op"] or len(nx["inputs"]) != len(ny["inputs"]):
                return None
            if nx["op"] == "Const":
                if np.shape(self.weights.get(x)) != np.shape(self.weights.get(y)):
                    return None
                continue
            if nx["attr"] != ny["attr"] or x in found or y in found.values():
                return None
            found[x] = y
            for rx, ry in zip(nx["inputs"], ny["inputs"]):
                if tensor_name(rx)[1] != tensor_name(ry)[1]:
                    return None
                stack.append((tensor_name(rx)[0], tensor_name(ry)[0]))
        return found

    @staticmethod
    def _twin_key(name):
        return name + "+twin"

    def _prepare_twin_parameters(self):
        """Both branches' parameters side by side, for each pair of layers."""
        def both(name, twin, part, axis=0):
            return np.concatenate([self._param((name, part)).numpy(),
                                   self._param((twin, part)).numpy()], axis=axis)
        for name, twin in self.twins.items():
            key = self._twin_key(name)
            op = self.by_name[name]["op"]
            if op in CONV_OPS:
                self._buffer((key, "weight"), both(name, twin, "weight"))
                self.groups[key] = 2 * self.groups[name]
                self.kernel_hw[key] = self.kernel_hw[name]
                if (name, "bias") in self.params:
                    self._buffer((key, "bias"), both(name, twin, "bias"))
            if (name, "alpha") in self.params:
                self._buffer((key, "alpha"), both(name, twin, "alpha", axis=-1))
                if name in self.per_channel_alpha:
                    self.per_channel_alpha.add(key)

    def _order_with_twins(self):
        """The topological order with each pair of twin layers as one step,
        placed where both branches' inputs are ready (the right one's
        position is dropped)."""
        if not self.twins:
            return self.order
        second = {twin: name for name, twin in self.twins.items()}
        unit = lambda n: second.get(n, n)
        position = {n: i for i, n in enumerate(self.order)}
        needs = {unit(n): set() for n in self.order}
        for n in self.order:
            for ref in self.by_name[n]["inputs"]:
                dep = unit(tensor_name(ref)[0])
                if dep != unit(n):
                    needs[unit(n)].add(dep)
        users = {u: [] for u in needs}
        for u, deps in needs.items():
            for d in deps:
                users[d].append(u)
        waiting = {u: len(d) for u, d in needs.items()}
        ready = sorted((position[u], u) for u, c in waiting.items() if c == 0)
        heapq.heapify(ready)
        order = []
        while ready:
            _, u = heapq.heappop(ready)
            order.append(u)
            for v in users[u]:
                waiting[v] -= 1
                if waiting[v] == 0:
                    heapq.heappush(ready, (max(position[v], position.get(self.twins.get(v), 0)), v))
        if len(order) != len(needs):
            raise ValueError("twin branches depend on each other")
        return order

    def _run_twins(self, node, env, paired):
        """Runs a pair of twin layers once on both branches side by side;
        each branch's half stays readable in env for whatever is not paired."""
        name, op = node["name"], node["op"]
        twin = self.twins[name]
        key = self._twin_key(name)
        if op in ("Pad", "PadV2"):
            env[name] = env[twin] = (None, None)  # the addition pads in place
            return
        if op in CONV_OPS:
            src, pre_pad = self._conv_source(node)
            other, _ = self._conv_source(self.by_name[twin])
            y = self._conv_on(node, self._side_by_side(src, other, env, paired), pre_pad, key)
        elif op in ("Prelu", "MaxPool"):
            src = tensor_name(node["inputs"][0])[0]
            x = self._side_by_side(src, self.matched_branches[src], env, paired)
            y = (self._prelu(key, x) if op == "Prelu" else self._max_pool_on(node, x, key))
        else:  # Add, AddV2
            for ref in node["inputs"]:
                src = tensor_name(ref)[0]
                if self.by_name[src]["op"] not in ("Pad", "PadV2"):
                    self._side_by_side(src, self.matched_branches[src], env, paired)
            y = self._add_twins(node, paired)
        paired[name] = y
        half = self._chw(key + "/out", y)[0] // 2
        env[name] = (y.narrow(1, 0, half), NCHW)
        env[twin] = (y.narrow(1, half, half), NCHW)

    def _side_by_side(self, name, twin, env, paired):
        """Both branches' tensors of a pair, side by side in channels: a
        paired layer's own result, or the two concatenated once."""
        if name not in paired:
            paired[name] = torch.cat([self._nchw(*env[name]), self._nchw(*env[twin])], 1)
        return paired[name]

    def _add_twins(self, node, paired):
        refs = node["inputs"]
        names = [tensor_name(r)[0] for r in refs]
        pads = [self.by_name[n]["op"] in ("Pad", "PadV2") for n in names]
        if any(pads):
            # x + channel-padded s, per branch: s adds into the first channels of x
            target = names[pads.index(False)]
            source = tensor_name(self.by_name[names[pads.index(True)]]["inputs"][0])[0]
            value, add = paired[target], paired[source]
            half = self._chw(self._twin_key(node["name"]) + "/value", value)[0] // 2
            part = self._chw(self._twin_key(node["name"]) + "/source", add)[0] // 2
            value.narrow(1, 0, part).add_(add.narrow(1, 0, part))
            value.narrow(1, half, part).add_(add.narrow(1, part, part))
            return value
        a, b = paired[names[0]], paired[names[1]]
        if self._fresh(refs[0]):
            return a.add_(b)
        if self._fresh(refs[1]):
            return b.add_(a)
        return a + b

    # -- layout helpers ----------------------------------------------------

    @staticmethod
    def _nchw(value, layout):
        if layout == NCHW:
            return value
        if layout == PLAIN and value.dim() == 4:
            return value.permute(0, 3, 1, 2)
        raise ValueError("expected a 4-D tensor, got layout %s" % layout)

    @staticmethod
    def _plain(value, layout):
        if layout == NCHW:
            return value.permute(0, 2, 3, 1)
        if layout == PLAIN:
            return value
        if layout == CONST:
            return torch.from_numpy(np.ascontiguousarray(value))
        raise ValueError("expected a tensor, got layout %s" % layout)

    @staticmethod
    def _broadcast_to_nchw(tensor):
        """A constant broadcast against a logical NHWC tensor -> NCHW form."""
        while tensor.dim() < 4:
            tensor = tensor.unsqueeze(0)
        return tensor.permute(0, 3, 1, 2)

    def _prelu(self, name, x):
        """Prelu of the NCHW tensor x with the slopes of node `name`."""
        alpha = self._param((name, "alpha"))
        if name in self.per_channel_alpha:
            return F.prelu(x, alpha)
        return torch.where(x >= 0, x, x * self._broadcast_to_nchw(alpha))

    # -- operations --------------------------------------------------------

    def _conv_source(self, node):
        """(node whose output a convolution reads, zero padding folded into it)."""
        src = tensor_name(node["inputs"][0])[0]
        if src in self.folded_pads:
            return tensor_name(self.by_name[src]["inputs"][0])[0], self.folded_pads[src]
        return src, (0, 0)

    def _conv(self, node, env):
        src, pre_pad = self._conv_source(node)
        return self._conv_on(node, self._nchw(*env[src]), pre_pad, node["name"]), NCHW

    def _conv_on(self, node, x, pre_pad, name):
        """Convolution `node` on the NCHW tensor x with the parameters kept
        under `name` (the node's own, or its twin pair's, see _find_twins)."""
        attr = node["attr"]
        if attr.get("data_format", "NHWC") != "NHWC":
            raise NotImplementedError("%s: data_format %s" % (name, attr.get("data_format")))
        strides = attr.get("strides", [1, 1, 1, 1])
        dilations = attr.get("dilations", [1, 1, 1, 1])
        weight = self._param((name, "weight"))
        kh, kw = self.kernel_hw[name]
        stride = (strides[1], strides[2])
        dilation = (dilations[1], dilations[2])
        padding = attr.get("padding", "VALID")
        _, height, width = self._chw(name, x)
        if padding == "SAME":
            top, bottom = same_padding(height, kh, stride[0], dilation[0])
            left, right = same_padding(width, kw, stride[1], dilation[1])
        elif padding == "VALID":
            top = bottom = left = right = 0
        elif padding == "EXPLICIT":
            p = attr["explicit_paddings"]
            top, bottom, left, right = p[2], p[3], p[4], p[5]
        else:
            raise NotImplementedError("%s: padding %s" % (name, padding))
        top, bottom = top + pre_pad[0], bottom + pre_pad[0]
        left, right = left + pre_pad[1], right + pre_pad[1]
        groups = self.groups[name]
        bias = self._param((name, "bias")) if (name, "bias") in self.params else None
        if (top != bottom or left != right) and dilation == (1, 1):
            # Padding (t, t+d) with a K-tap kernel equals padding (t+d, t+d)
            # with d zero taps put before the kernel; likewise after.
            weight = self._extended_kernel(name, weight, bottom - top, right - left)
            top = bottom = max(top, bottom)
            left = right = max(left, right)
        sym_h, sym_w = min(top, bottom), min(left, right)
        if top != bottom or left != right:
            x = F.pad(x, (left - sym_w, right - sym_w, top - sym_h, bottom - sym_h))
        fused = attr.get("fused_ops", [])
        activation = fused[1] if len(fused) == 2 else None
        clamp = {"Relu": (0.0, None), "Relu6": (0.0, 6.0)}.get(activation, (None, None))
        if x.dtype != torch.float32:
            # float64 reference evaluation (check_parity.py --exact): XNNPACK is float32 only
            y = F.conv2d(x, weight.to(x.dtype), None if bias is None else bias.to(x.dtype),
                         stride, (sym_h, sym_w), dilation, groups)
            if clamp != (None, None):
                y = torch.clamp(y, clamp[0], clamp[1])
            elif activation == "Prelu":
                y = self._prelu(name, y)
            return y
        if self._recording:
            # XNNPACK, prepacked once: the packed kernel lives in the saved module
            # (as the plain weights, packed again when the module is loaded).
            packed = torch.ops.prepacked.conv2d_clamp_prepack(
                weight.contiguous(), bias, list(stride), [sym_h, sym_w], list(dilation),
                groups, clamp[0], clamp[1])
            self._packed(name, packed)
        y = torch.ops.prepacked.conv2d_clamp_run(x, self._packed(name))
        if activation == "Prelu":
            y = self._prelu(name, y)
        return y

    def _pad_needed(self, name):
        """False for a channel Pad read only by an addition: the addition adds
        it in place when it can, and pads only when it cannot (see _binary)."""
        if self._channel_pad(name) is None:
            return True
        return self.by_name[self.consumers[name][0]]["op"] not in ("Add", "AddV2")

    def _pad(self, node, env):
        x, layout = env[tensor_name(node["inputs"][0])[0]]
        pads = to_int_list(self._const(node["inputs"][1]))
        value = 0.0
        if node["op"] == "PadV2":
            value = float(np.asarray(self._const(node["inputs"][2])).reshape(-1)[0])
        rank = len(pads) // 2
        pairs = [(pads[2 * i], pads[2 * i + 1]) for i in range(rank)]
        if layout == NCHW:
            mapped = [None] * 4
            for axis, pair in enumerate(pairs):
                mapped[NHWC_TO_NCHW[axis]] = pair
            pairs = mapped
        else:
            x = self._plain(x, layout)
        flat = []
        for before, after in reversed(pairs):  # F.pad wants the last axis first
            flat += [before, after]
        return F.pad(x, flat, mode="constant", value=value), (NCHW if layout == NCHW else PLAIN)

    def _max_pool(self, node, env):
        x = self._nchw(*env[tensor_name(node["inputs"][0])[0]])
        return self._max_pool_on(node, x, node["name"]), NCHW

    def _max_pool_on(self, node, x, name):
        attr = node["attr"]
        k, s = attr["ksize"], attr["strides"]
        kernel, stride = (k[1], k[2]), (s[1], s[2])
        _, height, width = self._chw(name, x)
        if attr.get("padding") == "SAME":
            top, bottom = same_padding(height, kernel[0], stride[0], 1)
            left, right = same_padding(width, kernel[1], stride[1], 1)
            if top or bottom or left or right:
                x = F.pad(x, (left, right, top, bottom), value=-math.inf)
        return F.max_pool2d(x, kernel, stride)

    def _add_in_place(self, node, env):
        """AddV2 of two 4-D activations without a new tensor: into a fresh
        operand, or, for a channel-padded operand, into the first channels of
        the other one. None when neither applies."""
        refs = node["inputs"]
        if node["op"] not in ("Add", "AddV2") or len(refs) != 2:
            return None
        if any((node["name"], "operand%d" % i) in self.params for i in range(2)):
            return None
        for target, other in ((refs[0], refs[1]), (refs[1], refs[0])):
            value, layout = env.get(tensor_name(target)[0], (None, None))
            if layout != NCHW or not self._fresh(target):
                continue
            padded = self._channel_pad(other)
            if padded is not None:
                source_value, source_layout = env[tensor_name(padded[0])[0]]
                if source_layout != NCHW:
                    continue
                channels = self._chw(node["name"] + "/padded", source_value)[0]
                value.narrow(1, 0, channels).add_(source_value)
                return value, NCHW
            other_value, other_layout = env.get(tensor_name(other)[0], (None, None))
            if other_layout == NCHW and other_value.shape == value.shape:
                return value.add_(other_value), NCHW
        return None

    def _host(self, ref, env):
        """The value of `ref` as a numpy array when it is known while
        converting (a constant, or computed from constants and fixed shapes
        only); otherwise None."""
        name = tensor_name(ref)[0]
        if self.by_name[name]["op"] == "Const":
            return np.asarray(self._const(ref))
        value, layout = env.get(name, (None, None))
        if layout == CONST:
            return np.asarray(value)
        return None  # a run-time tensor, or a SHAPE whose batch size is traced

    def _hosts(self, refs, env):
        """numpy values of all `refs`, or None unless every one is known."""
        values = [self._host(ref, env) for ref in refs]
        return None if any(v is None for v in values) else values

    def _binary(self, node, env):
        host = self._hosts(node["inputs"], env)
        if host is not None:
            result = HOST_BINARY_OPS[node["op"]](host[0], host[1])
            return np.asarray(result, dtype=np.result_type(host[0], host[1])
                              if node["op"] not in ("GreaterEqual", "LessEqual") else np.bool_), CONST
        in_place = self._add_in_place(node, env)
        if in_place is not None:
            return in_place
        fn = BINARY_OPS[node["op"]]
        operands = []
        for i, ref in enumerate(node["inputs"]):
            key = (node["name"], "operand%d" % i)
            if key in self.params:
                operands.append((self._param(key), CONST))
            elif env[tensor_name(ref)[0]][1] is None:  # a Pad left for an in-place add
                operands.append(self._pad(self.by_name[tensor_name(ref)[0]], env))
            else:
                operands.append(env[tensor_name(ref)[0]])
        layouts = [layout for _, layout in operands]
        if NCHW in layouts:
            values = []
            for value, layout in operands:
                if layout == NCHW:
                    values.append(value)
                elif layout == CONST or (layout == PLAIN and value.dim() < 4):
                    t = value if torch.is_tensor(value) else torch.from_numpy(value)
                    values.append(self._broadcast_to_nchw(t))
                else:
                    values.append(self._nchw(value, layout))
            return fn(values[0], values[1]), NCHW
        values = [v if torch.is_tensor(v) else torch.from_numpy(v) for v, _ in operands]
        return fn(values[0], values[1]), PLAIN

    def _reshape(self, node, env):
        host = self._hosts(node["inputs"], env)
        if host is not None:
            return host[0].reshape(to_int_list(host[1])), CONST
        x = self._plain(*env[tensor_name(node["inputs"][0])[0]])
        shape_val, shape_layout = env[tensor_name(node["inputs"][1])[0]]
        shape = to_int_list(shape_val) if shape_layout in (CONST, SHAPE) else None
        if shape is None:
            raise NotImplementedError("%s: reshape to a computed tensor shape" % node["name"])
        return x.reshape(shape), PLAIN

    def _shape(self, node, env):
        x, layout = env[tensor_name(node["inputs"][0])[0]]
        if self.static_shapes or layout == CONST:
            dims = list(np.shape(x)) if layout == CONST else list(x.shape)
            if layout == NCHW:
                dims = [dims[0], dims[2], dims[3], dims[1]]
            dtype = DTYPES[node["attr"].get("out_type", "DT_INT32")][1]
            return np.array([int(d) for d in dims], dtype=dtype), CONST
        if layout == NCHW:
            return [x.size(0), x.size(2), x.size(3), x.size(1)], SHAPE
        return [x.size(i) for i in range(x.dim())], SHAPE

    def _strided_slice(self, node, env):
        value, layout = env[tensor_name(node["inputs"][0])[0]]
        begin, end, strides = (to_int_list(self._const(r)) for r in node["inputs"][1:4])
        attr = node["attr"]
        begin_mask, end_mask = attr.get("begin_mask", 0), attr.get("end_mask", 0)
        shrink = attr.get("shrink_axis_mask", 0)
        ellipsis, new_axis = attr.get("ellipsis_mask", 0), attr.get("new_axis_mask", 0)
        index = []
        for axis in range(len(begin)):
            if ellipsis & (1 << axis):
                index.append(Ellipsis)
            elif new_axis & (1 << axis):
                index.append(None)
            elif shrink & (1 << axis):
                index.append(begin[axis])
            else:
                b = None if begin_mask & (1 << axis) else begin[axis]
                e = None if end_mask & (1 << axis) else end[axis]
                index.append(slice(b, e, strides[axis]))
        if layout == CONST:
            return np.asarray(np.asarray(value)[tuple(index)]), CONST
        if layout == SHAPE:
            if len(index) != 1:
                raise NotImplementedError("%s: multi-axis slice of a shape" % node["name"])
            seq = list(value) if layout == SHAPE else to_int_list(value)
            result = seq[index[0]]
            return result if isinstance(result, list) else [result], SHAPE
        x = self._plain(value, layout)
        if any(isinstance(i, slice) and i.step is not None and i.step < 0 for i in index):
            raise NotImplementedError("%s: negative strides" % node["name"])
        return x[tuple(index)], PLAIN

    def _pack(self, node, env):
        items = [env[tensor_name(r)[0]] for r in node["inputs"]]
        axis = node["attr"].get("axis", 0)
        host = self._hosts(node["inputs"], env)
        if host is not None:
            return np.stack(host, axis=axis), CONST
        if all(layout in (SHAPE, CONST) for _, layout in items):
            out = []
            for value, layout in items:
                ints = to_int_list(value) if layout == CONST else list(value)
                if len(ints) != 1:
                    raise NotImplementedError("%s: packing non-scalars" % node["name"])
                out += ints
            if axis != 0:
                raise NotImplementedError("%s: Pack of scalars on axis %d" % (node["name"], axis))
            return out, SHAPE
        tensors = [self._plain(v, l) for v, l in items]
        return torch.stack(tensors, dim=axis), PLAIN

    def _concat(self, node, env):
        items = [env[tensor_name(r)[0]] for r in node["inputs"][:-1]]
        axis = int(np.asarray(self._const(node["inputs"][-1])).reshape(-1)[0])
        host = self._hosts(node["inputs"][:-1], env)
        if host is not None:
            return np.concatenate(host, axis=axis), CONST
        if all(layout == NCHW for _, layout in items):
            axis = NHWC_TO_NCHW[axis % 4]
            return torch.cat([v for v, _ in items], dim=axis), NCHW
        tensors = [self._plain(v, l) for v, l in items]
        return torch.cat(tensors, dim=axis % tensors[0].dim()), PLAIN

    def _depth_to_space(self, node, env):
        attr = node["attr"]
        if attr.get("data_format", "NHWC") != "NHWC":
            raise NotImplementedError("%s: data_format" % node["name"])
        bs = attr["block_size"]
        x = self._nchw(*env[tensor_name(node["inputs"][0])[0]])
        n, c, h, w = x.shape
        # NHWC DepthToSpace reads channel (i*bs + j)*C_out + c for the output
        # pixel (h*bs + i, w*bs + j).
        y = x.reshape(n, bs, bs, c // (bs * bs), h, w)
        y = y.permute(0, 3, 4, 1, 5, 2)
        return y.reshape(n, c // (bs * bs), h * bs, w * bs), NCHW

    def _resize_bilinear(self, node, env):
        attr = node["attr"]
        x = self._nchw(*env[tensor_name(node["inputs"][0])[0]])
        size = to_int_list(self._const(node["inputs"][1]))
        align, half = attr.get("align_corners", False), attr.get("half_pixel_centers", False)
        if align and not half:
            return F.interpolate(x, size=size, mode="bilinear", align_corners=True), NCHW
        if half and not align:
            return F.interpolate(x, size=size, mode="bilinear", align_corners=False), NCHW
        raise NotImplementedError("%s: ResizeBilinear align_corners=%s half_pixel_centers=%s"
                                  % (node["name"], align, half))

    def _cast(self, node, env):
        torch_type, numpy_type = DTYPES[node["attr"]["DstT"]]
        host = self._host(node["inputs"][0], env)
        if host is not None:
            return host.astype(numpy_type), CONST
        value, layout = env[tensor_name(node["inputs"][0])[0]]
        return value.to(torch_type), layout

    def _axis(self, ref):
        return int(np.asarray(self._const(ref)).reshape(-1)[0])

    def _expand_dims(self, node, env):
        axis = self._axis(node["inputs"][1])
        host = self._host(node["inputs"][0], env)
        if host is not None:
            return np.expand_dims(host, axis), CONST
        x = self._plain(*env[tensor_name(node["inputs"][0])[0]])
        return x.unsqueeze(axis if axis >= 0 else x.dim() + 1 + axis), PLAIN

    def _transpose(self, node, env):
        perm = to_int_list(self._const(node["inputs"][1]))
        host = self._host(node["inputs"][0], env)
        if host is not None:
            return np.transpose(host, perm), CONST
        return self._plain(*env[tensor_name(node["inputs"][0])[0]]).permute(perm), PLAIN

    def _matmul(self, node, env):
        attr = node["attr"]
        if node["op"] == "MatMul":
            flip_a, flip_b = attr.get("transpose_a", False), attr.get("transpose_b", False)
        else:
            flip_a, flip_b = attr.get("adj_x", False), attr.get("adj_y", False)
        host = self._hosts(node["inputs"], env)
        if host is not None:
            a, b = (np.swapaxes(v, -1, -2) if f else v for v, f in zip(host, (flip_a, flip_b)))
            return np.matmul(a, b), CONST
        a, b = (self._plain(*env[tensor_name(r)[0]]) if self._host(r, env) is None
                else torch.from_numpy(np.ascontiguousarray(self._host(r, env)))
                for r in node["inputs"])
        a = a.transpose(-1, -2) if flip_a else a
        b = b.transpose(-1, -2) if flip_b else b
        if a.dtype != b.dtype:  # a float32 constant against float64 in check_parity --exact
            common = torch.promote_types(a.dtype, b.dtype)
            a, b = a.to(common), b.to(common)
        return torch.matmul(a, b), PLAIN

    def _gather(self, node, env):
        if node["attr"].get("batch_dims", 0):
            raise NotImplementedError("%s: GatherV2 with batch_dims" % node["name"])
        axis = self._axis(node["inputs"][2])
        host = self._hosts(node["inputs"][:2], env)
        if host is not None:
            return np.take(host[0], host[1], axis=axis), CONST
        x = self._plain(*env[tensor_name(node["inputs"][0])[0]])
        index = self._host(node["inputs"][1], env)
        if index is not None:
            index = torch.from_numpy(np.ascontiguousarray(index, dtype=np.int64))
        else:
            index = self._plain(*env[tensor_name(node["inputs"][1])[0]])
        axis = axis % x.dim()
        picked = torch.index_select(x, axis, index.reshape(-1))
        return picked.reshape(list(x.shape[:axis]) + list(index.shape)
                              + list(x.shape[axis + 1:])), PLAIN

    def _reduce(self, node, env):
        axes = to_int_list(np.asarray(self._const(node["inputs"][1])).reshape(-1))
        keep = node["attr"].get("keep_dims", False)
        host = self._host(node["inputs"][0], env)
        numpy_op, torch_op = {"Min": (np.amin, torch.amin), "Max": (np.amax, torch.amax)}[node["op"]]
        if host is not None:
            return numpy_op(host, axis=tuple(axes), keepdims=keep), CONST
        x = self._plain(*env[tensor_name(node["inputs"][0])[0]])
        return torch_op(x, dim=axes, keepdim=keep), PLAIN

    def _add_n(self, node, env):
        host = self._hosts(node["inputs"], env)
        if host is not None:
            return np.sum(host, axis=0, dtype=host[0].dtype), CONST
        items = [env[tensor_name(r)[0]] for r in node["inputs"]]
        if all(layout == NCHW for _, layout in items):
            total, layout = items[0][0], NCHW
        else:
            items = [(self._plain(v, l), PLAIN) for v, l in items]
            total, layout = items[0][0], PLAIN
        for value, _ in items[1:]:
            total = total + value
        return total, layout

    def _from_host_only(self, node, env, fn):
        """Operations SmartSession's models use on shapes only: folded here;
        a run-time operand is not supported."""
        host = self._hosts(node["inputs"], env)
        if host is None:
            raise NotImplementedError("%s: %s of a run-time tensor (convert with a fixed batch size)"
                                      % (node["name"], node["op"]))
        return fn(*host), CONST

    def _range(self, node, env):
        dtype = DTYPES[node["attr"].get("Tidx", "DT_INT32")][1]
        return self._from_host_only(
            node, env, lambda start, limit, delta: np.arange(start, limit, delta, dtype=dtype))

    def _tile(self, node, env):
        host = self._host(node["inputs"][0], env)
        multiples = to_int_list(self._host(node["inputs"][1], env))
        if host is not None:
            return np.tile(host, multiples), CONST
        return self._plain(*env[tensor_name(node["inputs"][0])[0]]).repeat(multiples), PLAIN

    def _fill(self, node, env):
        return self._from_host_only(
            node, env, lambda dims, value: np.full(to_int_list(dims), value, dtype=value.dtype))

    def _zeros_like(self, node, env):
        host = self._host(node["inputs"][0], env)
        if host is not None:
            return np.zeros_like(host), CONST
        value, layout = env[tensor_name(node["inputs"][0])[0]]
        if self.static_shapes:
            dims = list(value.shape)
            if layout == NCHW:
                dims = [dims[0], dims[2], dims[3], dims[1]]
            return np.zeros(dims, dtype=torch.empty(0, dtype=value.dtype).numpy().dtype), CONST
        return torch.zeros_like(value), layout

    # -- forward -----------------------------------------------------------

    def forward(self, x):
        env = {}
        paired = {}
        for name in self.order:
            node = self.by_name[name]
            op = node["op"]
            if name in self.twins:
                self._run_twins(node, env, paired)
            elif name in self.composites:
                env[name] = self._run_composite(name, env)
            elif op == "Const":
                env[name] = (self.weights[name], CONST)
            elif op == "Placeholder":
                if name != self.input_name:
                    raise ValueError("graph has a second input %r" % name)
                env[name] = (x.permute(0, 3, 1, 2), NCHW) if x.dim() == 4 else (x, PLAIN)
            elif op == "Identity":
                env[name] = env[tensor_name(node["inputs"][0])[0]]
            elif op in CONV_OPS:
                env[name] = self._conv(node, env)
            elif op in ("Pad", "PadV2"):
                if name in self.folded_pads:
                    continue
                env[name] = self._pad(node, env) if self._pad_needed(name) else (None, None)
            elif op == "MaxPool":
                env[name] = self._max_pool(node, env)
            elif op in HOST_UNARY_OPS and self._host(node["inputs"][0], env) is not None:
                host = self._host(node["inputs"][0], env)
                env[name] = (HOST_UNARY_OPS[op](host).astype(host.dtype), CONST)
            elif op in UNARY_OPS:
                value, layout = env[tensor_name(node["inputs"][0])[0]]
                if op == "Relu" and layout == NCHW and self._fresh(node["inputs"][0]):
                    env[name] = (F.relu(value, inplace=True), layout)
                else:
                    env[name] = (UNARY_OPS[op](value), layout)
            elif op == "Prelu":
                value, layout = env[tensor_name(node["inputs"][0])[0]]
                if layout == NCHW:
                    env[name] = (self._prelu(name, value), NCHW)
                else:
                    alpha = self._param((name, "alpha"))
                    env[name] = (torch.where(value >= 0, value, value * alpha), layout)
            elif op in BINARY_OPS:
                env[name] = self._binary(node, env)
            elif op == "Reshape":
                env[name] = self._reshape(node, env)
            elif op == "Shape":
                env[name] = self._shape(node, env)
            elif op == "StridedSlice":
                env[name] = self._strided_slice(node, env)
            elif op == "Pack":
                env[name] = self._pack(node, env)
            elif op == "ConcatV2":
                env[name] = self._concat(node, env)
            elif op == "DepthToSpace":
                env[name] = self._depth_to_space(node, env)
            elif op == "ResizeBilinear":
                env[name] = self._resize_bilinear(node, env)
            elif op in OTHER_OPS:
                env[name] = getattr(self, OTHER_OPS[op])(node, env)
            else:
                raise NotImplementedError(op)
        outputs = []
        for ref in self.output_refs:
            value, layout = env[tensor_name(ref)[0]]
            if layout not in (NCHW, PLAIN):
                raise ValueError("output %s is not a tensor" % ref)
            outputs.append(self._plain(value, layout).contiguous())
        return outputs[0] if len(outputs) == 1 else tuple(outputs)


# --------------------------------------------------------------------------
# Conversion
# --------------------------------------------------------------------------

def signature_io(signature, nodes):
    """(input name, input shape, [(output key, tensor ref)]) from the signature."""
    if signature:
        inputs = list(signature["inputs"].items())
        if len(inputs) != 1:
            raise ValueError("exactly one model input is supported, found %d" % len(inputs))
        key, spec = inputs[0]
        input_node = tensor_name(spec["name"])[0]
        dims = [int(d["size"]) for d in spec["tensorShape"]["dim"]]
        outputs = [(k, v["name"]) for k, v in signature["outputs"].items()]
        return input_node, dims, outputs
    placeholders = [n for n in nodes if n["op"] == "Placeholder"]
    if len(placeholders) != 1:
        raise ValueError("no signature and not exactly one Placeholder")
    dims = [int(d["size"]) for d in placeholders[0]["attr"]["shape"]["shape"]["dim"]]
    return placeholders[0]["name"], dims, None


def sha256_of(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        h.update(f.read())
    return h.hexdigest()


def strip_debug_info(path):
    """Rewrite the .pt archive without its *.debug_pkl records.

    Those records map the TorchScript code back to this script's source lines
    and hold its absolute path, so they would make the file depend on where
    the repository is checked out; TorchScript loads fine without them. The
    archive is rewritten with PyTorch's own zip writer (fixed dates, records
    aligned as torch.jit.load expects), keeping the record order."""
    reader = torch._C.PyTorchFileReader(path)
    records = [name for name in reader.get_all_records() if not name.endswith(".debug_pkl")]
    with tempfile.TemporaryDirectory() as tmp:
        # the writer names the archive's top folder after the file
        tmp_path = os.path.join(tmp, os.path.basename(path))
        writer = torch._C.PyTorchFileWriter(tmp_path)
        for name in records:
            data = reader.get_record(name)
            writer.write_record(name, data, len(data))
        writer.write_end_of_file()
        del writer
        del reader
        shutil.move(tmp_path, path)


def choose_outputs(outputs, wanted, nodes):
    """wanted: ["key" | "tensor:0" | "name=tensor:0", ...] -> [(name, tensor ref)].

    NAME=TENSOR may name any tensor of the graph, not only a declared output:
    a model can then be cut down to the part of the graph that tensor needs."""
    if not wanted:
        return outputs
    by_key = dict(outputs)
    refs = {ref for _, ref in outputs}
    node_names = {n["name"] for n in nodes}
    chosen = []
    for want in wanted:
        name, _, ref = want.partition("=")
        if not ref:
            ref = by_key.get(name, name)
        if ref not in refs and tensor_name(ref)[0] not in node_names:
            raise KeyError("model has no output or tensor %r (outputs %s)" % (want, outputs))
        chosen.append((name, ref))
    return chosen


def convert(model_json, out_path, wanted_outputs=(), batch=1, fixed_batch=False):
    """fixed_batch: the saved module takes exactly `batch` images, which lets
    everything that depends on shapes only be computed while converting."""
    model, nodes, weights, signature = read_model(model_json)
    input_node, input_dims, outputs = signature_io(signature, nodes)
    if fixed_batch:
        input_dims = [batch] + list(input_dims[1:])
    if outputs is None:
        used = {tensor_name(i)[0] for n in nodes for i in n["inputs"]}
        outputs = [(n["name"] + ":0", n["name"] + ":0") for n in nodes
                   if n["op"] == "Identity" and n["name"] not in used]
    outputs = choose_outputs(outputs, wanted_outputs, nodes)
    shape = [batch if d < 0 else d for d in input_dims]
    module = TfjsGraphModule(nodes, weights, input_node, [ref for _, ref in outputs], shape,
                             static_shapes=fixed_batch)
    module.eval()
    example = torch.zeros(shape, dtype=torch.float32)
    with torch.no_grad():
        traced = torch.jit.trace(module, example, check_trace=False)
        frozen = torch.jit.freeze(traced, optimize_numerics=False)
        results = frozen(example)
    if torch.is_tensor(results):
        results = (results,)
    model_dir = os.path.dirname(os.path.abspath(model_json))
    shards = [p for g in model["weightsManifest"] for p in g["paths"]]
    meta = {
        "converter": "smartsession model-conversion convert.py v" + CONVERTER_VERSION,
        "torch": torch.__version__.split("+")[0],
        "source": {
            os.path.basename(model_json): sha256_of(model_json),
            **{p: sha256_of(os.path.join(model_dir, p)) for p in shards},
        },
        "input": {"name": input_node, "shape": input_dims, "layout": "NHWC", "dtype": "float32"},
        "outputs": [
            {"name": name, "tensor": ref, "shape": [shape[0] if fixed_batch else -1]
             + list(r.shape[1:]), "dtype": "float32"}
            for (name, ref), r in zip(outputs, results)
        ],
    }
    extra = {"smartsession/model.json": json.dumps(meta, indent=2, sort_keys=True) + "\n"}
    os.makedirs(os.path.dirname(os.path.abspath(out_path)), exist_ok=True)
    torch.jit.save(frozen, out_path, _extra_files=extra)
    strip_debug_info(out_path)
    return meta


def report(out_path, meta):
    outs = ", ".join("%s%s" % (o["name"], o["shape"]) for o in meta["outputs"])
    print("%s: %s%s -> %s (%d bytes)" % (
        os.path.basename(out_path), meta["input"]["name"], meta["input"]["shape"], outs,
        os.path.getsize(out_path)), flush=True)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("model_json", nargs="?", help="TF.js graph model.json (weight shards next to it)")
    parser.add_argument("out", nargs="?", help="TorchScript file to write (.pt)")
    parser.add_argument("--output", action="append", default=[],
                        help="keep this output: a signature key, a tensor name or NAME=TENSOR; "
                             "repeatable, order kept; default: every signature output")
    parser.add_argument("--batch", type=int, default=1, help="batch size used for tracing")
    parser.add_argument("--config", help="convert every model listed in this models.json instead")
    parser.add_argument("--out-dir", help="with --config: where the .pt files go")
    args = parser.parse_args(argv)
    torch.set_num_threads(1)
    if args.config:
        if not args.out_dir:
            parser.error("--config needs --out-dir")
        with open(args.config, "r", encoding="utf-8") as f:
            config = json.load(f)
        base = os.path.dirname(os.path.abspath(args.config))
        for entry in config["models"]:
            source = os.path.join(base, config["sourceDir"], entry["source"])
            out = os.path.join(args.out_dir, entry["id"] + ".pt")
            wanted = ["%s=%s" % (o["name"], o["tensor"]) for o in entry["outputs"]]
            batch = entry["input"]["shape"][0]
            if batch > 0:
                report(out, convert(source, out, wanted, batch, fixed_batch=True))
            else:
                report(out, convert(source, out, wanted, args.batch))
        return 0
    if not args.model_json or not args.out:
        parser.error("give MODEL_JSON and OUT, or --config and --out-dir")
    report(args.out, convert(args.model_json, args.out, args.output, args.batch))
    return 0


if __name__ == "__main__":
    sys.exit(main())

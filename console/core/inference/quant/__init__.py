"""Weight-only quantization (int8 per output channel, int4 in groups): formats, loaders, kernels.

* ``tensor``: the packed layout (``QWeight``), round-to-nearest quantization, dequantization (torch,
  any device: the CPU fallback and the reference of the tests) and ``QuantLinear``, the module that
  replaces ``nn.Linear`` in a quantized model (on CUDA its forward uses the Triton kernels);
* ``kernels``: Triton GEMV for one activation row with the fast path's fusions (RMSNorm before,
  residual add or SiLU*mul after) and a dequantize kernel for prefills (then a cuBLAS GEMM);
* ``convert``: quantize a loaded bf16 model in place, and repack GGUF Q8_0 / Q4_0 and GPTQ int4
  tensors into the same layout.

Nothing here owns a thread; the model worker calls it while loading and decoding.
"""

from console.core.inference.quant.tensor import QuantLinear, QWeight, dequantize, quantize  # noqa: F401

__all__ = ["QWeight", "QuantLinear", "dequantize", "quantize"]

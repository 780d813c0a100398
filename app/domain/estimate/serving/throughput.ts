// Serving throughput from a published table: TensorRT-LLM's Llama 3.1 8B FP8 on one H100 gives GPU-seconds per input
// token (prefill) and per output token (decode) at 1000/1000 and 5000/500. Other models, precisions and GPUs scale
// prefill with parameters ÷ compute and decode with bytes of weights ÷ memory bandwidth (FORMULAS.md §1, §4).
import { EST, type GpuSpec } from "~/domain/estimate/kb";
import { bytesPerParam, supportsFp8 } from "~/domain/estimate/serving/memory";
import type { Precision } from "~/domain/estimate/types";

const S = EST.serving;

/** Dense tensor TFLOPS at the precision the weights compute in (FP8 doubles BF16 on FP8 hardware). */
function tflops(gpu: GpuSpec, precision: Precision): number {
  return precision === "fp8" && supportsFp8(gpu.id) ? gpu.bf16DenseTflops * 2 : gpu.bf16DenseTflops;
}

/**
 * GPU-seconds one request takes on `gpu` (summed over the GPUs of a replica) at offline throughput: prefill of its
 * input tokens plus decode of its output tokens. Active parameters for mixture-of-experts models.
 */
export function gpuSecondsPerRequest(args: {
  activeParamsB: number;
  precision: Precision;
  gpu: GpuSpec;
  inputTokens: number;
  outputTokens: number;
}): number {
  const p = args.activeParamsB / S.refParamsB.value;
  const prefill = S.prefillSecondsPerTokenRef.value * p * (S.refTflops.value / tflops(args.gpu, args.precision));
  const bytes = bytesPerParam(args.precision) / S.refBytesPerParam.value;
  const decode = S.decodeSecondsPerTokenRef.value * p * bytes * (S.refBandwidthGbs.value / args.gpu.memoryBandwidthGbs);
  return args.inputTokens * prefill + args.outputTokens * decode;
}

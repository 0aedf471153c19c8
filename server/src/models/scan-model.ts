// Model-file scanner entry point (pickle, PyTorch, NumPy, Keras/HDF5, safetensors); reads bytes, never loads.
import type { Problem } from '../engine/finding';

/** Limits for one model file scan. */
export interface ModelScanOptions {
  /** Files larger than this are skipped with a problem. */
  maxBytes: number;
}

/** A model-file finding before the engine applies the card (severity, overrides). Always on line 1. */
export interface RawModelFinding {
  ruleId: string;
  message: string;
  /** Overrides the card severity when the evidence is weaker/stronger (e.g. unknown vs dangerous global). */
  severity?: 'error' | 'warning' | 'note';
  properties?: Record<string, unknown>;
}

/** What scanning one model file found. */
export interface ModelScanResult {
  findings: RawModelFinding[];
  problems: Problem[];
}

/** Scans a model file by path. Never throws: unreadable or malformed input becomes findings/problems. */
export async function scanModelFile(_path: string, _opts: ModelScanOptions): Promise<ModelScanResult> {
  return { findings: [], problems: [] };
}

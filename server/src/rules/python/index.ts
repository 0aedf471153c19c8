// Python code rules (rules whose matching needs more than the declarative `match:` form).
import type { PythonRule } from '../../engine/rule';
import unsafeTorchLoad from './unsafe-torch-load';

/** Python rules implemented in code. */
export const pythonRules: readonly PythonRule[] = [unsafeTorchLoad];

// Python code rules (rules whose matching needs more than the declarative `match:` form).
import type { PythonRule } from '../../engine/rule';
import kerasH5LoadModel from './keras-h5-load-model';
import kerasUnsafeDeserializationEnabled from './keras-unsafe-deserialization-enabled';
import unsafeMsgpackNumpy from './unsafe-msgpack-numpy';
import unsafeTorchLoad from './unsafe-torch-load';
import unsafeYamlLoad from './unsafe-yaml-load';

/** Python rules implemented in code. */
export const pythonRules: readonly PythonRule[] = [kerasH5LoadModel, kerasUnsafeDeserializationEnabled, unsafeMsgpackNumpy, unsafeTorchLoad, unsafeYamlLoad];

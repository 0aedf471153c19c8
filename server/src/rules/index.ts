// Every code rule, in one list; cards with a declarative `match:` need no entry here.
import type { CodeRule } from '../engine/rule';
import { plugins } from '../plugins';
import { modelRules } from './model';
import { pythonRules } from './python';

/** All code rules, joined with their cards by the registry. */
export const codeRules: readonly CodeRule[] = [...pythonRules, ...modelRules, ...plugins.flatMap((p) => p.rules ?? [])];

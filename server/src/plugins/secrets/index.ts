// The secrets plugin: its text analysers, notebook-output analysers and code rules (filled in by its issue).
import type { Plugin } from '../../engine/plugin';

/** What the secrets category contributes to the engine. */
export const plugin: Plugin = { name: 'secrets' };

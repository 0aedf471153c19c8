// The six finding categories; every rule belongs to exactly one.

/** A rule category. */
export type Category = 'deserialization' | 'secrets' | 'supply-chain' | 'privacy' | 'insecure-config' | 'code-execution';

/** All categories, in display order. */
export const CATEGORIES: readonly Category[] = ['deserialization', 'secrets', 'supply-chain', 'privacy', 'insecure-config', 'code-execution'];

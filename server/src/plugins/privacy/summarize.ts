// Groups matches per entity type into counts plus a few redacted samples: the shape every privacy message takes.
import { ENTITY_PLURAL, ENTITY_SINGULAR, ENTITY_TYPES, type EntityType, type PiiMatch } from './entities';
import { redact } from './redact';

/** Per entity type: how many, where the first is, and up to three distinct redacted samples. */
export interface EntitySummary {
  entity: EntityType;
  count: number;
  first: PiiMatch;
  samples: string[];
}

/** Summarises matches per entity type, in the fixed entity order. */
export function summarize(matches: readonly PiiMatch[]): EntitySummary[] {
  const by = new Map<EntityType, EntitySummary>();
  for (const m of matches) {
    let s = by.get(m.entity);
    if (!s) by.set(m.entity, (s = { entity: m.entity, count: 0, first: m, samples: [] }));
    s.count++;
    const r = redact(m.entity, m.value);
    if (s.samples.length < 3 && !s.samples.includes(r)) s.samples.push(r);
  }
  return ENTITY_TYPES.filter((e) => by.has(e)).map((e) => by.get(e)!);
}

/** "3 email addresses (e.g. j***@e***.com, m***@g***.com)". */
export function describe(s: Pick<EntitySummary, 'entity' | 'count' | 'samples'>): string {
  const noun = s.count === 1 ? ENTITY_SINGULAR[s.entity] : ENTITY_PLURAL[s.entity];
  return `${s.count.toLocaleString('en-US')} ${noun} (${s.count > 1 ? 'e.g. ' : ''}${s.samples.join(', ')})`;
}

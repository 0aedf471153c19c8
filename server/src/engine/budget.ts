// The per-file time budget: the engine's entry points set a deadline, its long steps (parsing, rule and analyser loops) check it.

/** Milliseconds one file may take when the context names no budget. */
export const DEFAULT_TIME_BUDGET_MS = 5000;

/** Thrown by a step that found the budget spent; the entry point turns it into one "skipped" problem. */
export class BudgetExceeded extends Error {
  constructor(readonly step: string, readonly budgetMs: number) {
    super(`analysis stopped after ${(budgetMs / 1000).toFixed(1)} s (the per-file time budget) while ${step}`);
  }
}

// The analysis is synchronous, so one deadline for the file being analysed is enough (workers have their own).
let deadline = Infinity;
let current = 0;

/**
 * Runs `fn` with a deadline `ms` from now. Nested calls (a notebook's cells inside its file) keep the
 * earlier deadline, so the budget is per file, not per step.
 */
export function withBudget<T>(ms: number, fn: () => T): T {
  const outer = { deadline, current };
  const mine = performance.now() + ms;
  if (mine < deadline) {
    deadline = mine;
    current = ms;
  }
  try {
    return fn();
  } finally {
    deadline = outer.deadline;
    current = outer.current;
  }
}

/** True when a budget is running and spent. Cheap enough to call per statement. */
export function overBudget(): boolean {
  return deadline !== Infinity && performance.now() >= deadline;
}

/** True while some entry point has set a budget (steps skip their checks otherwise). */
export function budgetActive(): boolean {
  return deadline !== Infinity;
}

/** Throws BudgetExceeded naming `step` when the budget is spent. */
export function checkBudget(step: string): void {
  if (overBudget()) throw new BudgetExceeded(step, current);
}

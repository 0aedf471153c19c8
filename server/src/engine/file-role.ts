// What a file is for, read from its path: test code, generated/golden test data, or documentation/tutorial/example material.
// Severity policy: findings in such files are hygiene (notes), and the message names the folder that decided it.

/** The role a path gives a file, with the path segment that decided it (for messages). */
export interface FileRole {
  kind: 'test-data' | 'test' | 'docs';
  /** The folder (or file name) that decided the role, as written in the path. */
  segment: string;
}

// Folders holding expected outputs, recorded fixtures and compiled test inputs: generated, never deployed.
const TEST_DATA = /^(test[-_]?data|testdata|test[-_]?resources|golden|goldens|golden[-_]?files|snapshots?|__snapshots__|fixtures?|testfixtures)$/i;
// Test code folders (`tests/`, `test/`, `e2e/`...).
const TEST_DIR = /^(tests?|testing|__tests__|e2e|integration[-_]tests?|unit[-_]tests?)$/i;
// Test modules by name (pytest / unittest conventions).
const TEST_FILE = /^(test_.*|.*_test|conftest)\.py$/i;
// Words that, as a whole word of a folder name (`examples`, `transformers_doc`, `amazon-sagemaker-examples`), mark
// material written for readers: documentation, tutorials, courses, samples, demos. Split on `-`, `_`, `.` and case.
// `notebooks` is not one: a data-science project's `notebooks/` folder holds its real exploration and training work.
const DOCS_WORD = /^(docs?|documentation|examples?|tutorials?|course|courses|demos?|samples?|lessons?|workshops?|quickstarts?|cookbooks?|recipes|guides?|walkthroughs?)$/i;

/** The words of a folder name: `transformers_doc` -> transformers, doc; `amazon-sagemaker-examples` -> amazon, sagemaker, examples. */
function words(segment: string): string[] {
  return segment.split(/[-_.\s]+/).filter(Boolean);
}

/**
 * The role of `path` (a file path or URI; `\` or `/` separators), or undefined for ordinary source.
 * Test data wins over test code (a golden file under `tests/` is still generated data), and both over docs.
 * The whole path is read: callers pass workspace paths, and a folder above the project called `tests`
 * is rare enough that the gain (no configuration) is worth it.
 */
export function fileRole(path: string): FileRole | undefined {
  const parts = path.replace(/\\/g, '/').replace(/^[a-z]+:\/\/[^/]*/i, '').split('/').filter(Boolean);
  const dirs = parts.slice(0, -1);
  const base = parts[parts.length - 1] ?? '';
  // The folder closest to the file names the role best (`notebooks/course/en/x.ipynb` -> `course/`).
  const inner = [...dirs].reverse();
  const data = inner.find((d) => TEST_DATA.test(d));
  if (data) return { kind: 'test-data', segment: data };
  const test = inner.find((d) => TEST_DIR.test(d));
  if (test) return { kind: 'test', segment: test };
  if (TEST_FILE.test(base)) return { kind: 'test', segment: base };
  const docs = inner.find((d) => words(d).some((w) => DOCS_WORD.test(w)));
  if (docs) return { kind: 'docs', segment: docs };
  return undefined;
}

/** A clause for messages: "this file is under `examples/` (documentation/example material)". */
export function roleClause(role: FileRole, what = 'this file'): string {
  if (role.kind === 'test-data') return `${what} is under \`${role.segment}/\` (generated or golden test data)`;
  if (role.kind === 'test') return role.segment.includes('.') ? `${what} is a test module (\`${role.segment}\`)` : `${what} is under \`${role.segment}/\` (test code)`;
  return `${what} is under \`${role.segment}/\` (documentation, tutorial or example material)`;
}

// Rule types: the parsed YAML card, code rules for Python, and the context a rule reports through.
import type { Node } from 'web-tree-sitter';
import type { ImportTable } from '../analysis/python/imports';
import type { CallArguments } from '../analysis/python/nodes';
import type { Category } from '../shared/categories';
import type { MlsecSettings } from '../shared/settings';
import type { Fix, OffsetRange, Severity } from './finding';
import type { ProjectFacts } from './project-facts';
import type { SourceFile, Target } from './source-file';

/**
 * Which analyser runs a rule. Python rules also run on notebook code cells; 'notebook-output' rules
 * run on saved cell outputs; the others are file targets handled by plugins' text analysers.
 */
export type RuleTarget = 'python' | 'model' | 'notebook-output' | Exclude<Target, 'python' | 'notebook' | 'model' | 'unknown'>;

/** A keyword-argument condition: argument name -> literal it must (when) or must not (unless) equal. */
export type KwargCondition = Record<string, boolean | string | number | null>;

/** The declarative `match:` block of a card (Python calls). */
export interface CallMatch {
  /** Qualified callee names, after alias and import resolution. */
  call: string[];
  /** Report only when every listed argument is given as that literal. */
  when?: { kwarg: KwargCondition };
  /** Do not report when every listed argument is given as that literal (non-literal = unknown = not reported). */
  unless?: { kwarg: KwargCondition };
  /** Positional index of arguments that can also be passed by position (name -> 0-based index). */
  positions?: Record<string, number>;
}

/** The declarative `fix:` block of a card. */
export interface CardFix {
  title: string;
  /** Add or replace keyword arguments, values written as Python source. */
  setKwarg?: Record<string, string>;
  /** Replace the last attribute of the callee (`yaml.load` -> `yaml.safe_load`). */
  replaceCallee?: string;
  safe: boolean;
}

/** A rule card: rules/<target>/<id>.yaml, parsed and validated. */
export interface RuleCard {
  id: string;
  target: RuleTarget;
  category: Category;
  title: string;
  message: string;
  severity: Severity;
  securitySeverity: number;
  precision: 'high' | 'medium' | 'low';
  cwe: string[];
  owasp: string[];
  atlas: string[];
  references: string[];
  help: string;
  match?: CallMatch;
  fix?: CardFix;
  /** The file the card was read from (for error messages). */
  file: string;
}

/** What a rule passes to `report`. Unset fields come from the card. */
export interface Report {
  range: OffsetRange;
  message?: string;
  severity?: Severity;
  fixes?: Fix[];
  properties?: Record<string, unknown>;
}

/** What a Python rule sees. */
export interface PythonRuleContext {
  readonly card: RuleCard;
  readonly file: SourceFile;
  readonly imports: ImportTable;
  readonly facts: ProjectFacts;
  /** The user's settings (rule-specific options such as `privacy`); changes re-check every statement. */
  readonly settings: MlsecSettings;
  /** Qualified name of a callee/attribute expression, or undefined when unknown. Memoised per node. */
  resolve(node: Node | null | undefined): string | undefined;
  /** Qualified name of a call's callee (memoised: every rule asks the same question of the same call). */
  calleeName(call: Node): string | undefined;
  /** The callee as written (`pkl.loads`), for messages. */
  calleeText(call: Node): string;
  /** The call's arguments (memoised). */
  args(call: Node): CallArguments;
  report(report: Report): void;
}

/** A Python rule written in code: visits the node kinds it names. */
export interface PythonRule {
  id: string;
  target: 'python';
  /** tree-sitter node types this rule wants to see (e.g. 'call'). */
  kinds: string[];
  visit(node: Node, ctx: PythonRuleContext): void;
}

/** A rule whose findings come from a dedicated scanner or analyser (model files, Dockerfiles, ...); declared so its card is joined. */
export interface ScannerRule {
  id: string;
  target: Exclude<RuleTarget, 'python'>;
}

/** Any code rule. */
export type CodeRule = PythonRule | ScannerRule;

/** Identity helper that gives code rules their type. */
export function defineRule<T extends CodeRule>(rule: T): T {
  return rule;
}

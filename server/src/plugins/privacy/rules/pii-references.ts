// Finds PII-named fields and columns inside an expression (`user.email`, `df[["email","ssn"]]`, f"{row['ssn']}").
import type { Node } from 'web-tree-sitter';
import { stringValue } from '../../../analysis/python/nodes';
import { normalizeKey } from '../labels';

/** Column/attribute/key names that hold personal data. */
const FIELDS = new Set([
  'email', 'e_mail', 'email_address', 'emails', 'mail_address', 'phone', 'phone_number', 'phone_no', 'mobile', 'mobile_number', 'telephone',
  'ssn', 'social_security_number', 'sin', 'dob', 'date_of_birth', 'birth_date', 'birthdate', 'birthday', 'address', 'street_address',
  'home_address', 'credit_card', 'credit_card_number', 'card_number', 'cc_number', 'iban', 'passport', 'passport_number', 'nino',
  'national_insurance_number', 'nhs_number', 'aadhaar', 'first_name', 'last_name', 'full_name', 'surname', 'patient_name', 'customer_name',
  'tax_id', 'itin', 'ip_address',
]);
/** Bare variable names specific enough to mean the value itself (`address`, `phone`, `name` are too generic). */
const IDENTIFIERS = new Set(['email', 'email_address', 'ssn', 'phone_number', 'dob', 'date_of_birth', 'credit_card', 'credit_card_number', 'card_number',
  'iban', 'passport_number', 'full_name', 'first_name', 'last_name', 'home_address', 'street_address', 'nhs_number', 'aadhaar', 'nino', 'social_security_number']);
/** Methods and indexers that show (part of) the same values: `df["email"].head()` still prints emails. */
const VIEWS = new Set(['head', 'tail', 'sample', 'iloc', 'loc', 'values', 'tolist', 'to_list', 'to_string', 'to_dict', 'to_json', 'to_markdown', 'unique', 'value_counts', 'strip', 'lower', 'upper', 'str', 'astype', 'dropna', 'drop_duplicates', 'items', 'iterrows']);
/** Calls that pass their argument's text through. */
const PASS = new Set(['str', 'repr', 'format', 'list', 'tuple', 'dict', 'json.dumps', 'dumps']);

/** True when `name` names a PII field. */
export function isPiiField(name: string): boolean {
  // `_full_name` and friends are private helpers (a module's dotted name), not the data.
  return !name.startsWith('_') && FIELDS.has(normalizeKey(name));
}

function literalNames(node: Node): string[] {
  if (node.type === 'string') {
    const s = stringValue(node);
    return s === undefined ? [] : [s];
  }
  if (node.type === 'list' || node.type === 'tuple') return node.namedChildren.flatMap((c) => (c ? literalNames(c) : []));
  return [];
}

/** PII fields an expression's value shows, as written (`email`, `ssn`); empty when none or unknown. */
export function piiReferences(node: Node | null | undefined, out: string[] = [], depth = 0): string[] {
  if (!node || depth > 12) return out;
  const next = (n: Node | null | undefined) => piiReferences(n, out, depth + 1);
  switch (node.type) {
    case 'identifier':
      if (IDENTIFIERS.has(normalizeKey(node.text))) out.push(node.text);
      break;
    case 'attribute': {
      const attr = node.childForFieldName('attribute')?.text ?? '';
      if (isPiiField(attr)) out.push(attr);
      else if (VIEWS.has(attr)) next(node.childForFieldName('object'));
      break;
    }
    case 'subscript': {
      const index = node.childForFieldName('subscript');
      const names = index ? literalNames(index) : [];
      const pii = names.filter(isPiiField);
      if (pii.length) out.push(...pii);
      else if (!names.length) next(node.childForFieldName('value'));
      break;
    }
    case 'call': {
      const fn = node.childForFieldName('function');
      if (fn?.type === 'attribute' && VIEWS.has(fn.childForFieldName('attribute')?.text ?? '')) next(fn.childForFieldName('object'));
      else if (fn && PASS.has(fn.text)) for (const a of node.childForFieldName('arguments')?.namedChildren ?? []) next(a);
      break;
    }
    case 'string':
      for (const c of node.namedChildren) if (c?.type === 'interpolation') next(c.namedChild(0));
      break;
    case 'concatenated_string':
    case 'binary_operator':
    case 'parenthesized_expression':
    case 'list':
    case 'tuple':
    case 'set':
    case 'expression_list':
      for (const c of node.namedChildren) next(c);
      break;
    case 'dictionary':
      for (const pair of node.namedChildren) if (pair?.type === 'pair') next(pair.childForFieldName('value'));
      break;
    case 'keyword_argument':
      next(node.childForFieldName('value'));
      break;
    default:
      break;
  }
  return out;
}

/** PII fields shown by any argument of a call. */
export function piiInArguments(call: Node): string[] {
  const out: string[] = [];
  for (const a of call.childForFieldName('arguments')?.namedChildren ?? []) if (a && a.type !== 'comment') piiReferences(a, out);
  return [...new Set(out)];
}

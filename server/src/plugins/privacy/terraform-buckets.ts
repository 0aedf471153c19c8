// Terraform: S3 buckets that hold datasets and are public or carry no encryption configuration (a careful block scanner, not a full HCL parser).
import type { AnalyzerContext, RawFinding, TextAnalyzer } from '../../engine/plugin';
import type { SourceFile } from '../../engine/source-file';

/** The rule id of dataset-bucket findings. */
export const BUCKET_RULE = 'dataset-bucket-unprotected';

/** One `resource "type" "name" { ... }` block: offsets of its header and body. */
interface Block {
  type: string;
  name: string;
  start: number;
  headerEnd: number;
  body: string;
}

/**
 * Offset just past the line that closes a heredoc opened with `marker` (the marker alone on its line,
 * indented or not), or -1. Walks the lines once: a regex with `\s*` around the marker re-read every
 * run of blank lines from each of its line starts, quadratic in an unclosed heredoc.
 */
function heredocEnd(text: string, from: number, marker: string): number {
  for (let at = from; at < text.length;) {
    const nl = text.indexOf('\n', at);
    const lineEnd = nl < 0 ? text.length : nl;
    if (text.slice(at, lineEnd).trim() === marker) return nl < 0 ? text.length : nl + 1;
    at = lineEnd + 1;
  }
  return -1;
}

/** Offset of the brace closing the one at `open`, skipping strings, heredocs and comments; -1 when unbalanced. */
function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"' && text[i] !== '\n'; i++) if (text[i] === '\\') i++;
    } else if (c === '#' || (c === '/' && text[i + 1] === '/')) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (c === '<' && text.startsWith('<<', i)) {
      const m = /^<<-?[ \t]*([A-Za-z_]+)\r?\n/.exec(text.slice(i, i + 40));
      if (m) {
        // Skip to the heredoc's closing marker line: braces inside (JSON policies) are text.
        const end = heredocEnd(text, i + m[0].length, m[1]);
        i = end < 0 ? text.length : end - 1;
      }
    } else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}

/** Every top-level `resource` block (unbalanced or odd blocks are skipped, never guessed). */
export function resourceBlocks(text: string): Block[] {
  const out: Block[] = [];
  const re = /^resource[ \t]+"([\w-]+)"[ \t]+"([\w-]+)"[ \t]*\{/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const open = m.index + m[0].length - 1;
    const close = closingBrace(text, open);
    if (close < 0) break;
    out.push({ type: m[1], name: m[2], start: m.index, headerEnd: open + 1, body: text.slice(open + 1, close) });
    re.lastIndex = close + 1;
  }
  return out;
}

const DATA_WORDS = /(^|[^a-z])(data|dataset|datasets|training|train|features?|raw|pii|customers?|users?|labels?|corpus|lake|warehouse|ml|mlops|records|exports?)([^a-z]|$)/i;

function attr(body: string, key: string): string | undefined {
  return new RegExp(`^[ \\t]*${key}[ \\t]*=[ \\t]*"([^"\\n]*)"`, 'm').exec(body)?.[1];
}

/**
 * The blocks that point at each bucket resource (`bucket = aws_s3_bucket.<name>.id` / `.bucket`), read
 * once per block: asking every block about every bucket was quadratic in the number of buckets.
 */
function blocksByBucket(blocks: readonly Block[]): Map<string, Block[]> {
  const out = new Map<string, Block[]>();
  for (const x of blocks) {
    for (const m of x.body.matchAll(/^[ \t]*bucket[ \t]*=[ \t]*aws_s3_bucket\.([\w-]+)\.(?:id|bucket)\b/gm)) {
      const list = out.get(m[1]) ?? [];
      if (!list.includes(x)) list.push(x);
      out.set(m[1], list);
    }
  }
  return out;
}

/** Findings for one Terraform file. */
export function analyzeTerraform(text: string): RawFinding[] {
  const blocks = resourceBlocks(text);
  const out: RawFinding[] = [];
  const referring = blocksByBucket(blocks);
  for (const b of blocks.filter((x) => x.type === 'aws_s3_bucket')) {
    const bucketName = attr(b.body, 'bucket') ?? attr(b.body, 'bucket_prefix') ?? '';
    if (!DATA_WORDS.test(b.name) && !DATA_WORDS.test(bucketName)) continue;
    const range = { start: b.start, end: b.headerEnd - 1 };
    const label = bucketName ? `\`${bucketName}\`` : `\`${b.name}\``;
    const related = (referring.get(b.name) ?? []).filter((x) => x !== b);
    const acls = [attr(b.body, 'acl'), ...related.filter((x) => x.type === 'aws_s3_bucket_acl').map((x) => attr(x.body, 'acl'))];
    const publicAcl = acls.find((a) => a === 'public-read' || a === 'public-read-write');
    const openBlock = related.find((x) => x.type === 'aws_s3_bucket_public_access_block' && /^[ \t]*(block_public_acls|block_public_policy|ignore_public_acls|restrict_public_buckets)[ \t]*=[ \t]*false\b/m.test(x.body));
    if (publicAcl || openBlock) {
      out.push({
        ruleId: BUCKET_RULE,
        range,
        severity: 'error',
        message: `S3 bucket ${label} looks like it holds data and is public (${publicAcl ? `acl = "${publicAcl}"` : 'public access block disabled'}): anyone can list and download its objects. Make it private and block public access.`,
        properties: { bucket: bucketName || b.name, problem: 'public' },
      });
    }
    const encrypted = /^[ \t]*server_side_encryption_configuration[ \t]*\{/m.test(b.body) || related.some((x) => x.type === 'aws_s3_bucket_server_side_encryption_configuration');
    if (!encrypted) {
      out.push({
        ruleId: BUCKET_RULE,
        range,
        severity: 'note',
        message: `S3 bucket ${label} looks like it holds data and declares no encryption configuration: AWS applies SSE-S3 by default, but personal data should use a customer-managed KMS key (aws_s3_bucket_server_side_encryption_configuration) so access to the key can be audited and revoked.`,
        properties: { bucket: bucketName || b.name, problem: 'encryption' },
      });
    }
  }
  return out;
}

/** The Terraform analyser of the privacy plugin. */
export const privacyTerraformAnalyzer: TextAnalyzer = {
  name: 'privacy-terraform',
  targets: ['terraform'],
  analyze(file: SourceFile, ctx: AnalyzerContext) {
    if (!ctx.enabled(BUCKET_RULE) || file.path.endsWith('.tfvars')) return { findings: [] };
    return { findings: analyzeTerraform(file.text) };
  },
};

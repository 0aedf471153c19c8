// Terraform outputs that expose an IAM access key's secret (or SMTP password) without `sensitive = true`: printed by every `terraform apply`.
import type { Hit } from './hit';

const OUTPUT = /output[ \t]+"([\w-]{1,80})"[ \t]*\{([^}]{0,600})\}/g;
const SECRET_REF = /aws_iam_access_key\.[\w-]+\.(?:secret|ses_smtp_password_v4|encrypted_secret)\b/;

/** Adds a hit on the attribute reference of each non-sensitive output of an IAM access key secret. */
export function findTerraformSecretOutputs(text: string, out: Hit[]): void {
  OUTPUT.lastIndex = 0;
  for (let m = OUTPUT.exec(text); m; m = OUTPUT.exec(text)) {
    const body = m[2];
    const ref = SECRET_REF.exec(body);
    if (!ref || /\bsensitive[ \t]*=[ \t]*true\b/.test(body)) continue;
    const start = m.index + m[0].indexOf('{') + 1 + ref.index;
    out.push({ start, end: start + ref[0].length, provider: 'terraform-output', label: `IAM access key secret in Terraform output "${m[1]}" (not marked sensitive)`, env: 'AWS_SECRET_ACCESS_KEY', evidence: 'context' });
  }
}

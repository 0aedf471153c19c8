// Secrets in every file kind the analyser handles, found through the engine by path (target detection included).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText } from '../../../server/src/engine/analyze';
import { positionAt } from '../../../server/src/engine/source-file';
import { engineContext } from '../../helpers/engine';
import { fakeTokens } from './tokens';

const t = fakeTokens(11);

/** [path, text, expected 1-based lines with a secret]. */
const CASES: [string, string, number[]][] = [
  ['infra/main.tf', `provider "aws" {\n  region     = "us-east-1"\n  access_key = "${t.akia}"\n  secret_key = "${t.awsSecret}"\n}\nvariable "db_password" {\n  default = "${t.password}"\n}\nvariable "api_token" {\n  type = string\n}\n`, [3, 4, 7]],
  ['infra/iam.tf', `resource "aws_iam_access_key" "ci" {\n  user = aws_iam_user.ci.name\n}\noutput "ci_secret" {\n  value = aws_iam_access_key.ci.secret\n}\noutput "ci_secret_ok" {\n  value     = aws_iam_access_key.ci.secret\n  sensitive = true\n}\noutput "ci_id" {\n  value = aws_iam_access_key.ci.id\n}\n`, [5]],
  ['k8s/deploy.yaml', `apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          env:\n            - name: OPENAI_API_KEY\n              value: "${t.openai}"\n            - name: WANDB_API_KEY\n              value: ${t.wandb}\n            - name: HF_TOKEN\n              valueFrom:\n                secretKeyRef: {name: hf, key: token}\n`, [10, 12]],
  ['k8s/secret.yaml', `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ntype: Opaque\ndata:\n  username: ${Buffer.from('trainer').toString('base64')}\n  password: ${Buffer.from(t.dbPassword).toString('base64')}\nstringData:\n  api-token: ${t.groq}\n  placeholder: changeme\n`, [8, 10]],
  ['.github/workflows/train.yml', `on: push\nenv:\n  HF_TOKEN: ${t.hf}\n  WANDB_API_KEY: \${{ secrets.WANDB_API_KEY }}\njobs:\n  train:\n    runs-on: ubuntu-latest\n    steps:\n      - run: curl -H "Authorization: Bearer ${t.github}" https://api.github.com\n      - run: python train.py --api-key \${{ secrets.KEY }}\n`, [3, 9]],
  ['docker-compose.yml', `services:\n  db:\n    image: postgres:16\n    environment:\n      - POSTGRES_PASSWORD=${t.dbPassword}\n      - POSTGRES_USER=ml\n  app:\n    environment:\n      ANTHROPIC_API_KEY: ${t.anthropic}\n      DB_PASSWORD: \${DB_PASSWORD}\n`, [5, 9]],
  ['keys/sa.json', JSON.stringify({ type: 'service_account', project_id: 'p', private_key_id: 'a1b2', private_key: `${t.pem}\n`, client_email: 'x@p.iam.gserviceaccount.com' }, null, 2), [5]],
  ['requirements.txt', `--index-url https://__token__:${t.dbPassword}@pypi.internal.example.org/simple\ntorch==2.4.0\n`, [1]],
  ['.netrc', `machine api.wandb.ai\n  login user\n  password ${t.wandb}\n`, [3]],
  ['.pypirc', `[pypi]\nusername = __token__\npassword = pypi-AgEIcHlwaS5vcmc${t.openai.slice(8)}\n`, [3]],
  ['config/settings.toml', `[openai]\napi_key = "${t.openai}"\nmodel = "gpt-4o"\n[db]\npassword = "\${DB_PASSWORD}"\n`, [2]],
  ['setup/app.ini', `[auth]\nclient_secret = ${t.awsSecret}\nclient_id = my-client\n`, [2]],
  ['config/settings.json', `{\n  "slack": {"bot_token": "${t.slackBot}"},\n  "stripe_key": "${t.stripe}",\n  "sendgrid": "${t.sendgrid}",\n  "api_key": "YOUR_API_KEY"\n}\n`, [2, 3, 4]],
  ['deploy/.aws/credentials', `[default]\naws_access_key_id = ${t.akia}\naws_secret_access_key = ${t.awsSecret}\nregion = us-east-1\n`, [2, 3]],
  ['id_rsa.pem', `${t.pem}\n`, [1]],
  ['k8s/sealed.yaml', `apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nspec:\n  encryptedData:\n    password: AgBy3i4OJSWK+PiTySYZZA${t.awsSecret}\n`, []],
];

test('secrets are found in Terraform, Kubernetes, Actions, compose, service-account JSON, requirements, .netrc, .pypirc, TOML, INI, JSON and PEM', async () => {
  const ctx = await engineContext();
  for (const [path, text, lines] of CASES) {
    const r = analyzeText(path, text, ctx);
    const got = r.findings.filter((f) => ctx.registry.byId.get(f.ruleId)?.category === 'secrets').map((f) => positionAt(r.file.lineStarts, f.range.start).line + 1);
    assert.deepEqual(got, lines, `${path} (${r.file.target}): secret lines`);
    for (const f of r.findings) for (const v of Object.values(t)) assert.ok(!f.message.includes(v) && !JSON.stringify(f.properties ?? {}).includes(v), `${path}: a message or property holds a full secret`);
  }
});

// Deterministic, format-valid but fake tokens for the secrets tests (never real credentials; generated, not copied).

/** A seeded xorshift generator so every run sees the same tokens. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 4294967296;
  };
}

const ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
const HEX = '0123456789abcdef';

/** `n` random characters of `charset`. */
export function randomString(next: () => number, n: number, charset = ALNUM): string {
  let s = '';
  for (let i = 0; i < n; i++) s += charset[Math.floor(next() * charset.length)];
  return s;
}

/** Fake tokens by name; the test files put them in code, config and outputs. */
export function fakeTokens(seed = 42): Record<string, string> {
  const r = rng(seed);
  const s = (n: number, cs?: string) => randomString(r, n, cs);
  return {
    hf: `hf_${s(34)}`,
    openai: `sk-proj-${s(64)}`,
    anthropic: `sk-ant-api03-${s(93)}AA`,
    groq: `gsk_${s(52)}`,
    wandb: s(40, HEX),
    akia: `AKIA${s(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`,
    awsSecret: s(40, `${ALNUM}/+`),
    github: `ghp_${s(36)}`,
    slackBot: `xoxb-${s(12, '0123456789')}-${s(13, '0123456789')}-${s(24)}`,
    stripe: `sk_live_${s(24)}`,
    sendgrid: `SG.${s(22)}.${s(43)}`,
    dbPassword: s(18),
    password: `Pw${s(10)}!9`,
    pem: `-----BEGIN RSA PRIVATE KEY-----\n${s(64, `${ALNUM}+/`)}\n${s(64, `${ALNUM}+/`)}\n${s(40, `${ALNUM}+/`)}\n-----END RSA PRIVATE KEY-----`,
  };
}

// Provider token formats: prefix, length and charset per provider (checksums in checksum.ts), for AI/ML, cloud and dev services.

/** One provider token format. `pattern` must be global, linear-time, and match the token alone. */
export interface ProviderFormat {
  /** Stable id, reported in finding properties (`provider`). */
  id: string;
  /** Human name for messages ("Hugging Face token"). */
  label: string;
  /** Environment variable the fix reads the value from. */
  env: string;
  pattern: RegExp;
  /** Extra check on the matched token (checksum, structure). */
  validate?: (token: string) => boolean;
  /** Group holding the secret when the match includes context (1-based); default the whole match. */
  group?: number;
  /** Which checksum check applies (reported, not required: hand-made test tokens rarely carry one). */
  checksum?: 'github-crc32';
}

// Boundaries: a token must not be glued to other token characters on either side.
const B = '(?<![A-Za-z0-9_-])';
const E = '(?![A-Za-z0-9_-])';
const re = (body: string, flags = 'g') => new RegExp(`${B}${body}${E}`, flags);

/** Every provider format, most specific first (the first match of an overlapping pair wins). */
export const PROVIDERS: readonly ProviderFormat[] = [
  { id: 'huggingface', label: 'Hugging Face token', env: 'HF_TOKEN', pattern: re('hf_[A-Za-z0-9]{30,40}') },
  { id: 'huggingface-org', label: 'Hugging Face organization token', env: 'HF_TOKEN', pattern: re('api_org_[A-Za-z0-9]{30,40}') },
  { id: 'anthropic', label: 'Anthropic API key', env: 'ANTHROPIC_API_KEY', pattern: re('sk-ant-(?:api|oat|sid)\\d\\d-[A-Za-z0-9_-]{32,120}') },
  { id: 'anthropic-admin', label: 'Anthropic admin key', env: 'ANTHROPIC_ADMIN_KEY', pattern: re('sk-ant-admin\\d\\d-[A-Za-z0-9_-]{32,120}') },
  { id: 'openai', label: 'OpenAI API key', env: 'OPENAI_API_KEY', pattern: re('sk-(?:proj|svcacct|admin|None)-[A-Za-z0-9_-]{32,200}') },
  { id: 'openai', label: 'OpenAI API key', env: 'OPENAI_API_KEY', pattern: re('sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}') },
  { id: 'openai-compatible', label: 'OpenAI-style API key', env: 'OPENAI_API_KEY', pattern: re('sk-[A-Za-z0-9]{32,64}'), validate: (t) => /[0-9]/.test(t) && /[a-zA-Z]/.test(t.slice(3)) },
  { id: 'groq', label: 'Groq API key', env: 'GROQ_API_KEY', pattern: re('gsk_[A-Za-z0-9]{48,56}') },
  { id: 'replicate', label: 'Replicate API token', env: 'REPLICATE_API_TOKEN', pattern: re('r8_[A-Za-z0-9]{37}') },
  { id: 'perplexity', label: 'Perplexity API key', env: 'PERPLEXITY_API_KEY', pattern: re('pplx-[A-Za-z0-9]{40,56}') },
  { id: 'together', label: 'Together AI API key', env: 'TOGETHER_API_KEY', pattern: re('tgp_v1_[A-Za-z0-9_-]{40,48}') },
  { id: 'xai', label: 'xAI API key', env: 'XAI_API_KEY', pattern: re('xai-[A-Za-z0-9]{70,90}') },
  { id: 'langsmith', label: 'LangSmith API key', env: 'LANGSMITH_API_KEY', pattern: re('lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}') },
  { id: 'pinecone', label: 'Pinecone API key', env: 'PINECONE_API_KEY', pattern: re('pcsk_[A-Za-z0-9]{5,8}_[A-Za-z0-9]{50,80}') },
  { id: 'neptune', label: 'Neptune API token', env: 'NEPTUNE_API_TOKEN', pattern: re('eyJhcGlfYWRkcmVzcyI6[A-Za-z0-9+/=]{40,400}') },
  { id: 'databricks', label: 'Databricks token', env: 'DATABRICKS_TOKEN', pattern: re('dapi[a-f0-9]{32}(?:-\\d)?') },
  { id: 'aws-access-key-id', label: 'AWS access key id', env: 'AWS_ACCESS_KEY_ID', pattern: re('(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}') },
  { id: 'aws-bedrock', label: 'Amazon Bedrock API key', env: 'AWS_BEARER_TOKEN_BEDROCK', pattern: re('ABSK[A-Za-z0-9+/]{100,200}={0,2}') },
  { id: 'gcp-api-key', label: 'Google API key', env: 'GOOGLE_API_KEY', pattern: re('AIza[0-9A-Za-z_-]{35}') },
  { id: 'github', label: 'GitHub token', env: 'GITHUB_TOKEN', pattern: re('gh[pousr]_[A-Za-z0-9]{36}'), checksum: 'github-crc32' },
  { id: 'github-fine-grained', label: 'GitHub fine-grained token', env: 'GITHUB_TOKEN', pattern: re('github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}') },
  { id: 'github-fine-grained', label: 'GitHub fine-grained token', env: 'GITHUB_TOKEN', pattern: re('github_pat_[A-Za-z0-9_]{50,100}') },
  { id: 'gitlab', label: 'GitLab token', env: 'GITLAB_TOKEN', pattern: re('gl(?:pat|dt|ptt|rt|cbt|soat|ft|imt|oas)-[A-Za-z0-9_-]{20,64}') },
  { id: 'gitlab', label: 'GitLab runner token', env: 'GITLAB_TOKEN', pattern: re('GR1348941[A-Za-z0-9_-]{20,30}') },
  { id: 'slack', label: 'Slack token', env: 'SLACK_TOKEN', pattern: re('xox[baprse]-[0-9A-Za-z]{8,16}-[0-9A-Za-z-]{8,120}') },
  { id: 'slack', label: 'Slack app token', env: 'SLACK_APP_TOKEN', pattern: re('xapp-\\d-[A-Z0-9]{8,16}-\\d{8,16}-[a-z0-9]{32,80}') },
  { id: 'slack-webhook', label: 'Slack webhook URL', env: 'SLACK_WEBHOOK_URL', pattern: /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9+/_-]{20,140}/g },
  { id: 'stripe', label: 'Stripe secret key', env: 'STRIPE_API_KEY', pattern: re('(?:sk|rk)_(?:live|test|prod)_[A-Za-z0-9]{20,120}') },
  { id: 'twilio', label: 'Twilio API key', env: 'TWILIO_API_KEY', pattern: re('SK[0-9a-f]{32}') },
  { id: 'sendgrid', label: 'SendGrid API key', env: 'SENDGRID_API_KEY', pattern: re('SG\\.[A-Za-z0-9_-]{20,24}\\.[A-Za-z0-9_-]{40,46}') },
  { id: 'npm', label: 'npm token', env: 'NPM_TOKEN', pattern: re('npm_[A-Za-z0-9]{36}'), checksum: 'github-crc32' },
  { id: 'pypi', label: 'PyPI upload token', env: 'PYPI_TOKEN', pattern: re('pypi-AgE[A-Za-z0-9_-]{50,300}') },
  { id: 'dockerhub', label: 'Docker Hub access token', env: 'DOCKERHUB_TOKEN', pattern: re('dckr_(?:pat|oat)_[A-Za-z0-9_-]{24,40}') },
  { id: 'hashicorp-vault', label: 'HashiCorp Vault token', env: 'VAULT_TOKEN', pattern: re('hv[sb]\\.[A-Za-z0-9_-]{24,120}') },
  { id: 'shopify', label: 'Shopify access token', env: 'SHOPIFY_ACCESS_TOKEN', pattern: re('shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}') },
  { id: 'linear', label: 'Linear API key', env: 'LINEAR_API_KEY', pattern: re('lin_api_[A-Za-z0-9]{40}') },
  { id: 'notion', label: 'Notion token', env: 'NOTION_TOKEN', pattern: re('ntn_[A-Za-z0-9]{46}') },
  { id: 'grafana', label: 'Grafana token', env: 'GRAFANA_TOKEN', pattern: re('gl(?:sa|c)_[A-Za-z0-9_+/=-]{32,200}') },
  { id: 'tailscale', label: 'Tailscale key', env: 'TS_AUTHKEY', pattern: re('tskey-(?:api|auth|client)-[A-Za-z0-9]{8,20}-[A-Za-z0-9]{20,40}') },
  { id: 'openrouter', label: 'OpenRouter API key', env: 'OPENROUTER_API_KEY', pattern: re('sk-or-v1-[a-f0-9]{64}') },
  { id: 'fireworks', label: 'Fireworks AI API key', env: 'FIREWORKS_API_KEY', pattern: re('fw_[A-Za-z0-9]{20,32}') },
  { id: 'cerebras', label: 'Cerebras API key', env: 'CEREBRAS_API_KEY', pattern: re('csk-[a-z0-9]{40,56}') },
  { id: 'elevenlabs', label: 'ElevenLabs API key', env: 'ELEVENLABS_API_KEY', pattern: re('sk_[a-f0-9]{48}') },
  { id: 'google-oauth', label: 'Google OAuth client secret', env: 'GOOGLE_CLIENT_SECRET', pattern: re('GOCSPX-[A-Za-z0-9_-]{28}') },
  { id: 'google-oauth', label: 'Google OAuth access token', env: 'GOOGLE_ACCESS_TOKEN', pattern: re('ya29\\.[A-Za-z0-9_-]{30,400}') },
  { id: 'discord-webhook', label: 'Discord webhook URL', env: 'DISCORD_WEBHOOK_URL', pattern: /https:\/\/(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/webhooks\/\d{17,20}\/[A-Za-z0-9_-]{60,68}/g },
  { id: 'telegram', label: 'Telegram bot token', env: 'TELEGRAM_BOT_TOKEN', pattern: re('\\d{8,10}:AA[A-Za-z0-9_-]{33}') },
  { id: 'mailgun', label: 'Mailgun API key', env: 'MAILGUN_API_KEY', pattern: re('key-[0-9a-f]{32}') },
  { id: '1password', label: '1Password service-account token', env: 'OP_SERVICE_ACCOUNT_TOKEN', pattern: re('ops_eyJ[A-Za-z0-9+/=_-]{100,2000}') },
  { id: 'figma', label: 'Figma access token', env: 'FIGMA_TOKEN', pattern: re('figd_[A-Za-z0-9_-]{40,43}') },
  { id: 'jwt', label: 'JSON Web Token', env: 'JWT_TOKEN', pattern: re('eyJ[A-Za-z0-9_-]{10,2000}\\.eyJ[A-Za-z0-9_-]{10,4000}\\.[A-Za-z0-9_-]{16,1000}') },
];

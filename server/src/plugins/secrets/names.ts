// Which variable, key and argument names hold credentials (`api_key`, `dbPassword`, `HF_TOKEN`), and which only look like it.

/** Kind of credential a name suggests: passwords accept shorter values than keys and tokens. */
export type NameKind = 'password' | 'key' | 'weak-key';

// Words that, next to a credential word, make the name about something else (a path, a length, a public half...).
const NOT_SECRET_WORDS = new Set([
  'name', 'names', 'file', 'files', 'path', 'dir', 'url', 'uri', 'endpoint', 'host', 'id', 'ids', 'type', 'types', 'len', 'length', 'size',
  'count', 'num', 'max', 'min', 'limit', 'limits', 'env', 'var', 'field', 'header', 'param', 'prefix', 'suffix', 'format', 'pattern', 'regex',
  'hash', 'hashed', 'sha', 'sha1', 'sha256', 'md5', 'digest', 'checksum', 'template', 'placeholder', 'example', 'sample', 'dummy', 'fake',
  'mock', 'public', 'pub', 'pubkey', 'ref', 'arn', 'version', 'label', 'location', 'policy', 'rotation', 'expiry', 'expires', 'expiration',
  'ttl', 'timeout', 'pad', 'eos', 'bos', 'unk', 'mask', 'sep', 'cls', 'special', 'usage', 'per', 'index', 'position', 'sort', 'partition',
  'primary', 'foreign', 'cache', 'lookup', 'map', 'mapping', 'dict', 'column', 'col', 'hint', 'prompt', 'reset', 'forgot', 'confirm',
  'required', 'enabled', 'enable', 'disabled', 'validator', 'validation', 'policy', 'strength', 'field', 'input', 'form', 'secret_name',
  'provider', 'manager', 'store', 'vault', 'method', 'algorithm', 'alg', 'kind', 'mode', 'scheme', 'length', 'generator', 'counter',
  'tokenizer', 'tokens', 'keys', 'passwords', 'secrets', 'kid', 'username', 'email',
  // Pipeline and model vocabulary: `outputParameterKey`, `output_artifact_key`, `token_embeddings`, `token_audiences`.
  'parameter', 'parameters', 'artifact', 'artifacts', 'output', 'outputs', 'task', 'embedding', 'embeddings', 'logits', 'audience', 'audiences',
]);

/** Splits `dbPassword`, `DB_PASSWORD`, `db-password`, `db.password` into lower-case words. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** The credential kind a name suggests, or undefined for names that do not name a credential. */
export function credentialKind(name: string): NameKind | undefined {
  const words = nameWords(name);
  if (words.length === 0 || words.length > 8) return undefined;
  if (words.some((w) => NOT_SECRET_WORDS.has(w))) return undefined;
  // `accessKeyKey`, `secret_key_key`: the name of the key (in a Secret) that holds the credential, not the credential.
  if (words.length >= 2 && words[words.length - 1] === 'key' && words[words.length - 2] === 'key') return undefined;
  const joined = words.join('_');
  if (words.some((w) => ['password', 'passwd', 'pwd', 'passphrase', 'contrasena'].includes(w)) || /(?:^|_)(?:db|database|sql|redis|mysql|postgres|smtp|mail|admin|root|user|ftp)_pass$/.test(joined)) return 'password';
  if (words.some((w) => ['secret', 'token', 'apikey', 'credential', 'credentials', 'creds', 'bearer', 'authorization', 'auth', 'sas', 'conn', 'connection'].includes(w))) {
    if ((words.includes('conn') || words.includes('connection')) && !words.includes('string') && !words.includes('str')) return undefined;
    if (words.length === 1 && words[0] === 'auth') return 'weak-key';
    return 'key';
  }
  if (/(?:^|_)(?:api|access|secret|private|client|auth|account|service|master|signing|encryption|license|app|subscription|admin|db|priv|session|write|read|deploy|ssh|webhook)_key(?:_|$)/.test(joined)) return 'key';
  if (/(?:apikey|accesskey|secretkey|privatekey|authkey)/.test(joined)) return 'key';
  // `key=` (e.g. wandb.login(key=...)) and provider-named keys like `OPENAI_KEY`: only strong values count.
  if (words[words.length - 1] === 'key') return 'weak-key';
  return undefined;
}

/** A provider named by the variable (`WANDB_API_KEY`, `cohere_key`) for messages and env names. */
export function providerFromName(name: string): { id: string; label: string; env: string } | undefined {
  const n = name.toLowerCase();
  const table: [RegExp, string, string, string][] = [
    [/wandb|weights_?and_?biases/, 'wandb', 'Weights & Biases API key', 'WANDB_API_KEY'],
    [/cohere|(?:^|_)co_api_key/, 'cohere', 'Cohere API key', 'COHERE_API_KEY'],
    [/mistral/, 'mistral', 'Mistral API key', 'MISTRAL_API_KEY'],
    [/together/, 'together', 'Together AI API key', 'TOGETHER_API_KEY'],
    [/comet/, 'comet', 'Comet API key', 'COMET_API_KEY'],
    [/neptune/, 'neptune', 'Neptune API token', 'NEPTUNE_API_TOKEN'],
    [/azure_?openai|aoai/, 'azure-openai', 'Azure OpenAI key', 'AZURE_OPENAI_API_KEY'],
    [/aws_?secret|secret_?access_?key/, 'aws-secret-access-key', 'AWS secret access key', 'AWS_SECRET_ACCESS_KEY'],
    [/aws_?session_?token|security_?token/, 'aws-session-token', 'AWS session token', 'AWS_SESSION_TOKEN'],
    [/twilio/, 'twilio', 'Twilio auth token', 'TWILIO_AUTH_TOKEN'],
    [/databricks/, 'databricks', 'Databricks token', 'DATABRICKS_TOKEN'],
    [/openai/, 'openai', 'OpenAI API key', 'OPENAI_API_KEY'],
    [/anthropic|claude/, 'anthropic', 'Anthropic API key', 'ANTHROPIC_API_KEY'],
    [/(?:^|_)hf_|hugging_?face/, 'huggingface', 'Hugging Face token', 'HF_TOKEN'],
    [/gemini|google/, 'google', 'Google API key', 'GOOGLE_API_KEY'],
    [/replicate/, 'replicate', 'Replicate API token', 'REPLICATE_API_TOKEN'],
    [/groq/, 'groq', 'Groq API key', 'GROQ_API_KEY'],
    [/pinecone/, 'pinecone', 'Pinecone API key', 'PINECONE_API_KEY'],
    [/azure/, 'azure', 'Azure key', 'AZURE_API_KEY'],
  ];
  for (const [re, id, label, env] of table) if (re.test(n)) return { id, label, env };
  return undefined;
}

/** An environment-variable name for a credential held in `name` (`dbPassword` → `DB_PASSWORD`). */
export function envNameFor(name: string): string {
  const words = nameWords(name);
  return words.length ? words.join('_').toUpperCase() : 'SECRET';
}

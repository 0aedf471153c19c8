// A detected secret before it becomes a finding: where it is and what it is (never logged with its value).

/** One detected secret. `start`/`end` delimit the secret value itself in the scanned text. */
export interface Hit {
  start: number;
  end: number;
  /** Provider id (`huggingface`, `aws-access-key-id`, ...) or `generic`. */
  provider: string;
  /** Human name for messages. */
  label: string;
  /** Environment variable name the fixes use. */
  env: string;
  /** The credential-named variable/key it was assigned to, when known. */
  name?: string;
  /** Set by URL detectors: the secret is part of a larger URL (fixes replace the URL, not just the password). */
  wholeUrl?: boolean;
  /** 'valid' | 'invalid' when the format carries a checksum. */
  checksum?: string;
  /**
   * What the finding rests on: `format` (a provider format, PEM key, connection-string key or literal
   * Kubernetes Secret data: error) or `context` (the surroundings say it is one — a credential-named key, a URL's userinfo — and the literal looks random: warning).
   */
  evidence: 'format' | 'context';
  /** Set when the value itself says it is a stand-in (a documented default, a sample password): reported as a note, saying why. */
  sample?: string;
}

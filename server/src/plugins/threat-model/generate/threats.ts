// The generator's threat catalogue: asset kinds of an ML system and, per asset, threats mapped to STRIDE, ATLAS, OWASP, CWE and mitigations.
import type { GenFinding, Inventory } from './types';

/** STRIDE categories. */
export type Stride = 'Spoofing' | 'Tampering' | 'Repudiation' | 'Information disclosure' | 'Denial of service' | 'Elevation of privilege';

/** A threat the generator writes for an asset; findings of `categories` (or exactly `rules`) are linked to it. */
export interface ThreatTemplate {
  key: string;
  title: string;
  stride: Stride[];
  /** ATLAS, OWASP and CWE ids; all exist in the bundled id table (a unit test checks it). */
  ids: string[];
  categories: string[];
  mitigations: string[];
  /** Links other findings too (e.g. unsafe loading inside training scripts). */
  alsoLinks?(f: GenFinding, inv: Inventory): boolean;
  /** Facts from the inventory shown as evidence; `raises` makes a threat without findings Medium instead of "To assess". */
  evidence?(inv: Inventory): { lines: string[]; raises: boolean };
}

/** An asset kind, whether the workspace has it, and its threats. */
export interface AssetTemplate {
  key: 'data' | 'training' | 'models' | 'serving' | 'llm' | 'secrets' | 'dependencies';
  title: string;
  present(inv: Inventory): boolean;
  threats: ThreatTemplate[];
}

/** Asset kinds in data-flow order. */
export const ASSETS: readonly AssetTemplate[] = [
  {
    key: 'data',
    title: 'Datasets and data sources',
    // A training script consumes data even when the data lives outside the repository.
    present: (inv) => inv.datasets.length > 0 || inv.trainingEntryPoints.length > 0,
    threats: [
      { key: 'poisoning', title: 'Training data is poisoned at its source or in storage', stride: ['Tampering'], ids: ['AML.T0020', 'AML.T0019', 'AML.T0059', 'ML02', 'LLM04'], categories: [], mitigations: ['AML.M0025 Maintain AI Dataset Provenance: record where each dataset comes from and its hash.', 'AML.M0005 Control Access to AI Models and Data at Rest: write access to raw data only for the ingestion job.'] },
      { key: 'pii', title: 'Personal data in datasets, logs or outputs is exposed', stride: ['Information disclosure'], ids: ['AML.T0057', 'AML.T0036', 'ML03', 'ML04', 'LLM02', 'CWE-359', 'CWE-532'], categories: ['privacy'], mitigations: ['Minimise and pseudonymise personal fields before training; keep raw exports out of the repository.', 'AML.M0012 Encrypt Sensitive Information at rest and in transit.'] },
    ],
  },
  {
    key: 'training',
    title: 'Training pipeline',
    present: (inv) => inv.trainingEntryPoints.length > 0,
    threats: [
      { key: 'pipeline-tamper', title: 'Training code, configuration or cached artefacts are tampered with', stride: ['Tampering', 'Repudiation'], ids: ['AML.T0018.000', 'AML.T0011.000', 'ML10', 'CWE-502'], categories: [], alsoLinks: (f, inv) => f.category === 'deserialization' && inv.trainingEntryPoints.some((p) => p.path === f.path), mitigations: ['Run training from a reviewed commit in CI; record the commit, data hash and config with the model (AML.M0023 AI Bill of Materials).', 'Do not unpickle caches that other jobs or users can write.'] },
    ],
  },
  {
    key: 'models',
    title: 'Model artefacts and loading',
    present: (inv) => inv.modelFiles.length > 0 || inv.modelLoads.length > 0,
    threats: [
      { key: 'unsafe-load', title: 'A malicious model or data file runs code when it is loaded', stride: ['Tampering', 'Elevation of privilege'], ids: ['AML.T0011.000', 'AML.T0018.002', 'AML.T0010.003', 'AML.T0058', 'ML06', 'LLM03', 'CWE-502'], categories: ['deserialization'], mitigations: ['Load weights only: safetensors, `torch.load(..., weights_only=True)`, no pickle-based formats from outside the trust boundary (AML.M0011 Restrict Library Loading).', 'AML.M0014 Verify AI Artifacts: pin and check hashes or signatures of every model file before loading.'] },
      { key: 'theft', title: 'Model files are copied or exfiltrated', stride: ['Information disclosure'], ids: ['AML.T0035', 'AML.T0025', 'ML05'], categories: [], mitigations: ['AML.M0005 Control Access to AI Models and Data at Rest: private registry or bucket, least-privilege read access.'] },
    ],
  },
  {
    key: 'serving',
    title: 'Serving endpoint and exposed services',
    present: (inv) => inv.services.length > 0,
    threats: [
      { key: 'exposed', title: 'The inference service is reachable and exploitable without authentication', stride: ['Spoofing', 'Elevation of privilege'], ids: ['AML.T0049', 'AML.T0040', 'ML01', 'CWE-284'], categories: ['insecure-config'],
        evidence: (inv) => ({ lines: inv.services.map((p) => `${p.path}:${p.line}: ${p.detail}`), raises: false }),
        mitigations: ['AML.M0019 Control Access to AI Models and Data in Production: authenticate callers, bind to internal interfaces, run as non-root.'] },
      { key: 'extraction', title: 'The model or its training data is extracted through the inference API', stride: ['Information disclosure'], ids: ['AML.T0024', 'AML.T0024.000', 'AML.T0024.002', 'ML03', 'ML04', 'ML05'], categories: [], mitigations: ['Return labels or coarse scores instead of raw probabilities; rate-limit and monitor query patterns per client.'] },
      { key: 'dos', title: 'Requests exhaust compute or run up cost', stride: ['Denial of service'], ids: ['AML.T0029', 'AML.T0034', 'LLM10', 'CWE-400'], categories: [], mitigations: ['Limit request size, rate and concurrency; set timeouts and budgets.'] },
    ],
  },
  {
    key: 'llm',
    title: 'LLM and agent integration',
    present: (inv) => inv.llm.length > 0,
    threats: [
      { key: 'injection', title: 'Prompt injection steers the model or agent', stride: ['Tampering', 'Elevation of privilege'], ids: ['AML.T0051', 'AML.T0051.001', 'LLM01', 'ASI01', 'CWE-1427'], categories: [], mitigations: ['AML.M0020 Generative AI Guardrails: keep instructions and untrusted content separate; filter inputs and outputs.'] },
      { key: 'output-exec', title: 'Model output reaches code execution, shells, SQL or tools', stride: ['Elevation of privilege', 'Tampering'], ids: ['AML.T0053', 'AML.T0050', 'LLM05', 'LLM06', 'ASI02', 'ASI05', 'CWE-94', 'CWE-78'], categories: ['code-execution'], mitigations: ['AML.M0033 Input and Output Validation for AI Agent Components: never pass model output to eval/exec/shell; give tools least privilege and require confirmation for destructive actions.'] },
      { key: 'leak', title: 'The system prompt or context data leaks to users', stride: ['Information disclosure'], ids: ['AML.T0056', 'AML.T0057', 'LLM02', 'LLM07'], categories: [], mitigations: ['Keep secrets and other users\' data out of prompts; treat the system prompt as public.'] },
    ],
  },
  {
    key: 'secrets',
    title: 'Secrets and credentials',
    // Every deployed ML system holds credentials (registries, buckets, APIs): never "not present".
    present: () => true,
    threats: [
      { key: 'leaked', title: 'Credentials in code, notebooks or config are found and used', stride: ['Spoofing', 'Information disclosure'], ids: ['AML.T0055', 'AML.T0012', 'LLM02', 'CWE-798'], categories: ['secrets'], mitigations: ['Revoke and rotate every leaked credential; load secrets from the environment or a secret manager (AML.M0012 Encrypt Sensitive Information).'] },
    ],
  },
  {
    key: 'dependencies',
    title: 'Dependencies, images and build',
    present: (inv) => inv.dependencies.length > 0,
    threats: [
      { key: 'supply-chain', title: 'A compromised or floating dependency, image or action enters the build', stride: ['Tampering'], ids: ['AML.T0010.001', 'AML.T0011.001', 'AML.T0010.004', 'ML06', 'LLM03', 'CWE-494', 'CWE-829', 'CWE-1357'], categories: ['supply-chain'],
        evidence: (inv) => {
          const floating = inv.dependencies.filter((d) => d.unpinned > 0);
          return { lines: floating.map((d) => `${d.path}: ${d.unpinned} of ${d.pinned + d.unpinned} requirements not pinned to an exact version`), raises: floating.length > 0 };
        },
        mitigations: ['Pin exact versions with hashes (lock files), images by digest and actions by commit SHA (AML.M0016 Vulnerability Scanning, AML.M0023 AI Bill of Materials).'] },
    ],
  },
];

// The bundled, versioned table of threat ids (OWASP ML/LLM/Agentic, MITRE ATLAS, CWE): names from anchors.md §11, descriptions in our words.

/** Which catalogue an id belongs to. */
export type IdFamily = 'owasp-ml' | 'owasp-llm' | 'owasp-agentic' | 'atlas-technique' | 'atlas-mitigation' | 'cwe';

/** One known id: its official name and a one-line description. */
export interface ThreatId {
  id: string;
  family: IdFamily;
  name: string;
  description: string;
}

/** Versions of the catalogues the table was taken from (shown in hovers). */
export const ID_TABLE_VERSIONS: Readonly<Record<IdFamily, string>> = {
  'owasp-ml': 'OWASP Machine Learning Security Top 10 (2023 draft)',
  'owasp-llm': 'OWASP Top 10 for LLM Applications 2025',
  'owasp-agentic': 'OWASP Top 10 for Agentic Applications 2026',
  'atlas-technique': 'MITRE ATLAS v5.6.0 (technique)',
  'atlas-mitigation': 'MITRE ATLAS v5.6.0 (mitigation)',
  cwe: 'CWE',
};

type Row = [id: string, name: string, description: string];

const ML: Row[] = [
  ['ML01', 'Input Manipulation Attack', 'Crafted inputs (adversarial examples) make the model produce the answer the attacker wants.'],
  ['ML02', 'Data Poisoning Attack', 'Tampered training data teaches the model wrong or attacker-chosen behaviour.'],
  ['ML03', 'Model Inversion Attack', 'Queries to the model reconstruct sensitive features of its training data.'],
  ['ML04', 'Membership Inference Attack', 'Queries reveal whether a given record was part of the training set.'],
  ['ML05', 'Model Theft', 'The model is copied, either as a file or by imitating it through its API.'],
  ['ML06', 'AI Supply Chain Attacks', 'A compromised library, dataset, pre-trained model or image enters the ML pipeline.'],
  ['ML07', 'Transfer Learning Attack', 'A poisoned base model carries its hidden behaviour into the fine-tuned model.'],
  ['ML08', 'Model Skewing', 'Manipulated feedback or live data drifts the model towards the attacker\'s goal.'],
  ['ML09', 'Output Integrity Attack', 'Model outputs are altered between the model and the system that consumes them.'],
  ['ML10', 'Model Poisoning', 'The model\'s parameters are modified directly to implant a backdoor.'],
];

const LLM: Row[] = [
  ['LLM01', 'Prompt Injection', 'Text in prompts or retrieved content overrides the instructions the application gave the model.'],
  ['LLM02', 'Sensitive Information Disclosure', 'The model or its application reveals personal data, secrets or proprietary content.'],
  ['LLM03', 'Supply Chain', 'Third-party models, datasets, adapters or packages used by the LLM application are compromised.'],
  ['LLM04', 'Data and Model Poisoning', 'Pre-training, fine-tuning or embedding data is manipulated to change model behaviour.'],
  ['LLM05', 'Improper Output Handling', 'Model output reaches shells, SQL, browsers or code execution without validation.'],
  ['LLM06', 'Excessive Agency', 'The model can call tools or act with more functionality, permission or autonomy than needed.'],
  ['LLM07', 'System Prompt Leakage', 'The system prompt, and any secrets or rules it holds, can be extracted by users.'],
  ['LLM08', 'Vector and Embedding Weaknesses', 'Retrieval stores leak, mix or accept poisoned embeddings across users or sources.'],
  ['LLM09', 'Misinformation', 'Confident but false model output is trusted by users or downstream systems.'],
  ['LLM10', 'Unbounded Consumption', 'Unlimited queries or huge inputs exhaust compute, money or the model itself.'],
];

const ASI: Row[] = [
  ['ASI01', 'Agent Goal Hijack', 'Injected content redirects what the agent is trying to achieve.'],
  ['ASI02', 'Tool Misuse and Exploitation', 'The agent is steered into using its legitimate tools in harmful ways.'],
  ['ASI03', 'Identity and Privilege Abuse', 'The agent\'s credentials or delegated privileges are used beyond their purpose.'],
  ['ASI04', 'Agentic Supply Chain Vulnerabilities', 'Tools, plugins, prompts or other agents the agent depends on are compromised.'],
  ['ASI05', 'Unexpected Code Execution', 'Agent-generated or agent-fetched code runs without isolation or review.'],
  ['ASI06', 'Memory and Context Poisoning', 'Persistent memory or context is seeded with content that corrupts later decisions.'],
  ['ASI07', 'Insecure Inter-Agent Communication', 'Messages between agents can be spoofed, read or altered.'],
  ['ASI08', 'Cascading Failures', 'One agent\'s error or compromise propagates through connected agents and systems.'],
  ['ASI09', 'Human-Agent Trust Exploitation', 'Users are led to approve harmful actions because they trust the agent.'],
  ['ASI10', 'Rogue Agents', 'An agent acts outside its intended scope, deliberately or through compromise.'],
];

const ATLAS_T: Row[] = [
  ['AML.T0010', 'AI Supply Chain Compromise', 'Attacker compromises a part of the AI supply chain to reach the victim system.'],
  ['AML.T0010.000', 'AI Supply Chain Compromise: Hardware', 'Compromised hardware (e.g. accelerators) used to train or run the model.'],
  ['AML.T0010.001', 'AI Supply Chain Compromise: AI Software', 'Compromised ML frameworks or libraries in the software stack.'],
  ['AML.T0010.002', 'AI Supply Chain Compromise: Data', 'Compromised datasets or data sources consumed by the pipeline.'],
  ['AML.T0010.003', 'AI Supply Chain Compromise: Model', 'Compromised pre-trained model pulled from a hub or registry.'],
  ['AML.T0010.004', 'AI Supply Chain Compromise: Container Registry', 'Compromised container image pulled for training or serving.'],
  ['AML.T0011', 'User Execution', 'A user or process runs something the attacker prepared.'],
  ['AML.T0011.000', 'User Execution: Unsafe AI Artifacts', 'Loading a model or data file that executes code on deserialisation.'],
  ['AML.T0011.001', 'User Execution: Malicious Package', 'Installing a package that runs attacker code.'],
  ['AML.T0011.002', 'User Execution: Poisoned AI Agent Tool', 'Installing or enabling an agent tool that carries attacker behaviour.'],
  ['AML.T0012', 'Valid Accounts', 'Attacker uses legitimate credentials to access AI systems or data.'],
  ['AML.T0018', 'Manipulate AI Model', 'Attacker changes a model\'s weights, structure or files.'],
  ['AML.T0018.000', 'Manipulate AI Model: Poison AI Model', 'Model parameters are altered to implant a backdoor or bias.'],
  ['AML.T0018.002', 'Manipulate AI Model: Embed Malware', 'Executable payload is hidden inside a model artifact.'],
  ['AML.T0019', 'Publish Poisoned Datasets', 'Attacker publishes a tampered dataset for victims to download.'],
  ['AML.T0020', 'Poison Training Data', 'Attacker modifies training data to alter the resulting model.'],
  ['AML.T0024', 'Exfiltration via AI Inference API', 'The inference API is used to extract information about the model or its data.'],
  ['AML.T0024.000', 'Exfiltration via AI Inference API: Infer Training Data Membership', 'Queries reveal whether a record was in the training data.'],
  ['AML.T0024.001', 'Exfiltration via AI Inference API: Invert AI Model', 'Queries reconstruct training data from the model.'],
  ['AML.T0024.002', 'Exfiltration via AI Inference API: Extract AI Model', 'Queries build a functional copy of the model.'],
  ['AML.T0025', 'Exfiltration via Cyber Means', 'Data or models are taken out over conventional channels.'],
  ['AML.T0029', 'Denial of AI Service', 'The AI service is flooded or overloaded until it is unavailable.'],
  ['AML.T0034', 'Cost Harvesting', 'Attacker runs up the victim\'s compute or API bill.'],
  ['AML.T0035', 'AI Artifact Collection', 'Models, datasets and other AI artifacts are gathered for exfiltration.'],
  ['AML.T0036', 'Data from Information Repositories', 'Data is collected from shared stores such as wikis, buckets or registries.'],
  ['AML.T0037', 'Data from Local System', 'Data is collected from the compromised machine\'s files.'],
  ['AML.T0040', 'AI Model Inference API Access', 'Attacker gains query access to the model\'s inference API.'],
  ['AML.T0049', 'Exploit Public-Facing Application', 'A weakness in an exposed service gives the attacker a foothold.'],
  ['AML.T0050', 'Command and Scripting Interpreter', 'Attacker gets commands or scripts run by an interpreter.'],
  ['AML.T0051', 'LLM Prompt Injection', 'Crafted text makes the LLM ignore its instructions.'],
  ['AML.T0051.000', 'LLM Prompt Injection: Direct', 'The attacker types the injection into the prompt directly.'],
  ['AML.T0051.001', 'LLM Prompt Injection: Indirect', 'The injection arrives through content the LLM reads (pages, files, mail).'],
  ['AML.T0053', 'AI Agent Tool Invocation', 'The agent is made to call its tools for the attacker.'],
  ['AML.T0054', 'LLM Jailbreak', 'Prompts bypass the model\'s safety restrictions.'],
  ['AML.T0055', 'Unsecured Credentials', 'Credentials stored insecurely (code, config, history) are found and used.'],
  ['AML.T0056', 'Extract LLM System Prompt', 'The system prompt is recovered by the attacker.'],
  ['AML.T0057', 'LLM Data Leakage', 'The LLM reveals sensitive data from its training or context.'],
  ['AML.T0058', 'Publish Poisoned Models', 'Attacker publishes a tampered model for victims to download.'],
  ['AML.T0059', 'Erode Dataset Integrity', 'Data quality is degraded so models trained on it become unreliable.'],
  ['AML.T0060', 'Publish Hallucinated Entities', 'Attacker registers packages or resources that LLMs invent (slopsquatting).'],
  ['AML.T0070', 'RAG Poisoning', 'Malicious content is planted in a retrieval corpus.'],
  ['AML.T0076', 'Corrupt AI Model', 'A model file is corrupted to break or subvert its loading or behaviour.'],
  ['AML.T0077', 'LLM Response Rendering', 'LLM output rendered by a client (markdown, HTML) leaks data or runs content.'],
  ['AML.T0080', 'AI Agent Context Poisoning', 'The agent\'s context or memory is seeded with attacker content.'],
  ['AML.T0081', 'Modify AI Agent Configuration', 'The agent\'s configuration is changed to alter its behaviour.'],
  ['AML.T0082', 'RAG Credential Harvesting', 'Credentials present in retrieval sources are extracted through the LLM.'],
  ['AML.T0083', 'Credentials from AI Agent Configuration', 'Credentials are read from agent configuration files.'],
  ['AML.T0086', 'Exfiltration via AI Agent Tool Invocation', 'Agent tools are used to send data to the attacker.'],
  ['AML.T0098', 'AI Agent Tool Credential Harvesting', 'Agent tools are used to gather credentials.'],
  ['AML.T0101', 'Data Destruction via AI Agent Tool Invocation', 'Agent tools are used to delete or corrupt data.'],
  ['AML.T0104', 'Publish Poisoned AI Agent Tool', 'Attacker publishes a malicious tool for agents to install.'],
  ['AML.T0105', 'Escape to Host', 'Code breaks out of its container or sandbox onto the host.'],
  ['AML.T0109', 'AI Supply Chain Rug Pull', 'A trusted AI component turns malicious after adoption.'],
  ['AML.T0110', 'AI Agent Tool Poisoning', 'An existing agent tool\'s description or behaviour is altered maliciously.'],
  ['AML.T0111', 'AI Supply Chain Reputation Inflation', 'Fake popularity signals make a malicious AI component look trustworthy.'],
];

const ATLAS_M: Row[] = [
  ['AML.M0005', 'Control Access to AI Models and Data at Rest', 'Restrict who can read or change stored models and datasets.'],
  ['AML.M0011', 'Restrict Library Loading', 'Limit which code and libraries can be loaded, e.g. no pickle from untrusted sources.'],
  ['AML.M0012', 'Encrypt Sensitive Information', 'Encrypt models, data and credentials at rest and in transit.'],
  ['AML.M0013', 'Code Signing', 'Run and load only signed code and artifacts.'],
  ['AML.M0014', 'Verify AI Artifacts', 'Check hashes or signatures of models and datasets before use.'],
  ['AML.M0016', 'Vulnerability Scanning', 'Scan code, dependencies and model files for known weaknesses.'],
  ['AML.M0019', 'Control Access to AI Models and Data in Production', 'Authenticate and authorise access to deployed models and their data.'],
  ['AML.M0020', 'Generative AI Guardrails', 'Filter and constrain generative model inputs and outputs.'],
  ['AML.M0023', 'AI Bill of Materials', 'Keep an inventory of models, datasets and their provenance.'],
  ['AML.M0025', 'Maintain AI Dataset Provenance', 'Record where each dataset came from and how it changed.'],
  ['AML.M0033', 'Input and Output Validation for AI Agent Components', 'Validate what agent components receive from and pass to tools and models.'],
];

const CWE: Row[] = [
  ['CWE-20', 'Improper Input Validation', 'Input is used without checking it has the expected properties.'],
  ['CWE-22', 'Improper Limitation of a Pathname to a Restricted Directory (\'Path Traversal\')', 'A path built from input can reach files outside the intended directory.'],
  ['CWE-78', 'Improper Neutralization of Special Elements used in an OS Command (\'OS Command Injection\')', 'Input reaches a shell command line.'],
  ['CWE-79', 'Improper Neutralization of Input During Web Page Generation (\'Cross-site Scripting\')', 'Input is rendered into a web page as markup or script.'],
  ['CWE-80', 'Improper Neutralization of Script-Related HTML Tags in a Web Page (Basic XSS)', 'Script tags from input survive into a page.'],
  ['CWE-89', 'Improper Neutralization of Special Elements used in an SQL Command (\'SQL Injection\')', 'Input changes the structure of an SQL query.'],
  ['CWE-94', 'Improper Control of Generation of Code (\'Code Injection\')', 'Input becomes code that the program runs.'],
  ['CWE-95', 'Improper Neutralization of Directives in Dynamically Evaluated Code (\'Eval Injection\')', 'Input reaches eval or exec.'],
  ['CWE-155', 'Improper Neutralization of Wildcards or Matching Symbols', 'Wildcards in input match more than intended.'],
  ['CWE-200', 'Exposure of Sensitive Information to an Unauthorized Actor', 'Sensitive data is visible to someone who should not see it.'],
  ['CWE-250', 'Execution with Unnecessary Privileges', 'Code runs with more privileges (e.g. root) than it needs.'],
  ['CWE-259', 'Use of Hard-coded Password', 'A password is written into the code or configuration.'],
  ['CWE-269', 'Improper Privilege Management', 'Privileges are granted, kept or checked incorrectly.'],
  ['CWE-284', 'Improper Access Control', 'Access to a resource is not restricted to authorised actors.'],
  ['CWE-295', 'Improper Certificate Validation', 'TLS certificates are not verified, so connections can be intercepted.'],
  ['CWE-319', 'Cleartext Transmission of Sensitive Information', 'Sensitive data travels unencrypted.'],
  ['CWE-326', 'Inadequate Encryption Strength', 'Encryption is too weak for the data it protects.'],
  ['CWE-327', 'Use of a Broken or Risky Cryptographic Algorithm', 'A cryptographic algorithm with known weaknesses is used.'],
  ['CWE-330', 'Use of Insufficiently Random Values', 'Predictable values are used where randomness matters.'],
  ['CWE-359', 'Exposure of Private Personal Information to an Unauthorized Actor', 'Personal data reaches people or systems that should not have it.'],
  ['CWE-377', 'Insecure Temporary File', 'Temporary files are created in a way others can read or replace.'],
  ['CWE-400', 'Uncontrolled Resource Consumption', 'Input can make the program use unbounded memory, CPU or money.'],
  ['CWE-409', 'Improper Handling of Highly Compressed Data (Data Amplification)', 'A small archive expands into enormous data when unpacked.'],
  ['CWE-494', 'Download of Code Without Integrity Check', 'Code or artifacts are fetched and used without verifying them.'],
  ['CWE-502', 'Deserialization of Untrusted Data', 'Untrusted bytes are deserialised by a format that can run code (pickle).'],
  ['CWE-522', 'Insufficiently Protected Credentials', 'Credentials are stored or sent where others can read them.'],
  ['CWE-532', 'Insertion of Sensitive Information into Log File', 'Secrets or personal data are written to logs.'],
  ['CWE-605', 'Multiple Binds to the Same Port', 'A service binds in a way that lets others share or hijack its port.'],
  ['CWE-703', 'Improper Check or Handling of Exceptional Conditions', 'Unusual conditions are not anticipated or handled.'],
  ['CWE-732', 'Incorrect Permission Assignment for Critical Resource', 'A critical file or resource is writable or readable by too many.'],
  ['CWE-798', 'Use of Hard-coded Credentials', 'Credentials are embedded in code or configuration.'],
  ['CWE-829', 'Inclusion of Functionality from Untrusted Control Sphere', 'Code from a source you do not control is included and run.'],
  ['CWE-838', 'Inappropriate Encoding for Output Context', 'Output is encoded for the wrong context.'],
  ['CWE-918', 'Server-Side Request Forgery (SSRF)', 'Input makes the server send requests to attacker-chosen destinations.'],
  ['CWE-1104', 'Use of Unmaintained Third Party Components', 'A dependency no longer receives fixes.'],
  ['CWE-1357', 'Reliance on Insufficiently Trustworthy Component', 'A component is trusted without enough assurance of its integrity.'],
  ['CWE-1395', 'Dependency on Vulnerable Third-Party Component', 'A dependency with known vulnerabilities is used.'],
  ['CWE-1427', 'Improper Neutralization of Input Used for LLM Prompting', 'Untrusted input is placed into LLM prompts without separation.'],
];

function rows(family: IdFamily, list: Row[]): ThreatId[] {
  return list.map(([id, name, description]) => ({ id, family, name, description }));
}

/** Every known id, grouped by family, in catalogue order. */
export const THREAT_IDS: readonly ThreatId[] = [
  ...rows('owasp-ml', ML),
  ...rows('owasp-llm', LLM),
  ...rows('owasp-agentic', ASI),
  ...rows('atlas-technique', ATLAS_T),
  ...rows('atlas-mitigation', ATLAS_M),
  ...rows('cwe', CWE),
];

/** Known ids by id (exact spelling). */
export const THREAT_ID_INDEX: ReadonlyMap<string, ThreatId> = new Map(THREAT_IDS.map((t) => [t.id, t]));

/** Looks an id up (exact spelling). */
export function lookupId(id: string): ThreatId | undefined {
  return THREAT_ID_INDEX.get(id);
}

/** The public page for an id (ATLAS and CWE per id; OWASP lists per project). */
export function idUrl(t: Pick<ThreatId, 'id' | 'family'>): string {
  switch (t.family) {
    case 'atlas-technique':
      return `https://atlas.mitre.org/techniques/${t.id}`;
    case 'atlas-mitigation':
      return `https://atlas.mitre.org/mitigations/${t.id}`;
    case 'cwe':
      return `https://cwe.mitre.org/data/definitions/${t.id.slice(4)}.html`;
    case 'owasp-ml':
      return 'https://owasp.org/www-project-machine-learning-security-top-10/';
    case 'owasp-llm':
      return 'https://genai.owasp.org/llm-top-10/';
    case 'owasp-agentic':
      return 'https://genai.owasp.org/';
  }
}

/** The shape of anything that looks like one of our ids (used to find candidates in text; known or not). */
export const ID_PATTERN = /\b(?:AML\.[TM]\d{4}(?:\.\d{3})?|LLM\d{2}|ML\d{2}|ASI\d{2}|CWE-\d+)\b/g;

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

/**
 * The known id closest to a misspelt one, or undefined when nothing is near. Case, separators and
 * zero padding are normalised first (`llm1`, `CWE502`, `AML-T0051` find their id at distance 0).
 */
export function closestId(raw: string): string | undefined {
  const norm = (s: string) => s.toUpperCase().replace(/[\s_-]/g, '').replace(/^AML(?=[TM])/, 'AML.').replace(/^(ML|LLM|ASI)(\d)$/, '$10$2');
  const want = norm(raw);
  let best: { id: string; d: number } | undefined;
  for (const t of THREAT_IDS) {
    const d = editDistance(want, norm(t.id));
    if (!best || d < best.d) best = { id: t.id, d };
  }
  // Beyond two edits the "suggestion" is a guess; better to say nothing.
  return best && best.d <= 2 ? best.id : undefined;
}

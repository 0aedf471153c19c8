// Plain data the threat-model generator works on: workspace files, scan findings and the inventory built from them.

/** A workspace file seen by the generator. `text` is present for the small text files the inventory reads. */
export interface WorkspaceFile {
  /** Path relative to the workspace root, `/`-separated. */
  path: string;
  text?: string;
}

/** One scan finding, flattened with its card's classification. */
export interface GenFinding {
  path: string;
  /** 1-based. */
  line: number;
  ruleId: string;
  severity: 'error' | 'warning' | 'note';
  category: string;
  title: string;
  cwe: string[];
  owasp: string[];
  atlas: string[];
}

/** Where something was found: a file and (optionally) a 1-based line. */
export interface Place {
  path: string;
  line?: number;
  detail?: string;
}

/** What the workspace contains, grouped by the asset kinds of an ML system. Every list is sorted. */
export interface Inventory {
  /** Model artefacts on disk. */
  modelFiles: Place[];
  /** Code that deserialises models or data (findings of deserialization rules). */
  modelLoads: Place[];
  /** Data files (CSV, Parquet, JSONL, ...). */
  datasets: Place[];
  /** Scripts run as programs (`if __name__ == "__main__"`), training when their path or text says so. */
  trainingEntryPoints: Place[];
  otherEntryPoints: Place[];
  /** Web apps and exposed ports: FastAPI/Flask/... apps, Dockerfile EXPOSE, compose ports, Kubernetes Services. */
  services: Place[];
  /** LLM / agent libraries imported, with the importing file. */
  llm: Place[];
  /** Secret findings. */
  secrets: Place[];
  /** Dependency manifests with their pinning state. */
  dependencies: (Place & { pinned: number; unpinned: number })[];
}

// Scans zip-based model files (.pt/.pth/.bin/.ckpt, .npz, .keras): every pickle, .npy and Keras config entry, under limits.
import { scanKerasConfig } from './keras';
import { scanNpy } from './numpy';
import { scanPickleStream } from './pickle-scan';
import type { ModelScanResult, RawModelFinding } from './scan-model';
import { entryReader, isSizeLie, openZip, readEntry, type OpenedZip, type ZipEntryInfo } from './zip-reader';

/** Which container the file claims to be (decides which entries matter). */
export type ArchiveKind = 'torch' | 'npz' | 'keras' | 'zip';

const MAX_CONFIG_BYTES = 64 * 1024 * 1024;
const basename = (name: string) => name.slice(name.lastIndexOf('/') + 1);

function role(name: string, kind: ArchiveKind): 'pickle' | 'npy' | 'keras-config' | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith('.pkl') || lower.endsWith('.pickle')) return 'pickle';
  if (lower.endsWith('.npy')) return 'npy';
  if (basename(lower) === 'config.json' && (kind === 'keras' || name === 'config.json')) return 'keras-config';
  return undefined;
}

async function scanEntry(opened: OpenedZip, info: ZipEntryInfo, what: NonNullable<ReturnType<typeof role>>): Promise<ModelScanResult> {
  if (what === 'keras-config') {
    const buf = await readEntry(opened, info, MAX_CONFIG_BYTES);
    if (!buf) return { findings: [], problems: [{ kind: 'skipped', message: `${info.name}: over ${MAX_CONFIG_BYTES} bytes, not read` }] };
    return scanKerasConfig(buf.toString('utf8'), info.name);
  }
  const r = await entryReader(opened, info);
  try {
    if (what === 'npy') return await scanNpy(r, { entry: info.name });
    const { findings, problems } = await scanPickleStream(r, { entry: info.name });
    return { findings, problems };
  } finally {
    await r.close();
  }
}

function limitsFinding(violations: string[]): RawModelFinding {
  return {
    ruleId: 'model-archive-limits',
    message: `archive is over mlsec's safety limits: ${violations.slice(0, 3).join('; ')}${violations.length > 3 ? ` (and ${violations.length - 3} more)` : ''}. Loading it can exhaust memory or disk, and oversized entries were not scanned.`,
    properties: { violations: violations.slice(0, 50), globals: [] },
  };
}

/**
 * Scans a zip model container. Directory-level limit violations (entry count, bombs, duplicate
 * names) and entries that inflate past their declared size become one `model-archive-limits` finding.
 */
export async function scanArchive(path: string, kind: ArchiveKind): Promise<ModelScanResult> {
  let opened: OpenedZip;
  try {
    opened = await openZip(path);
  } catch (e) {
    if (isSizeLie(e)) return { findings: [limitsFinding([`the central directory lies about entry sizes (a liar header): ${(e as Error).message}`])], problems: [] };
    return { findings: [], problems: [{ kind: 'parse-error', message: `not a readable zip archive: ${(e as Error).message}` }] };
  }
  const out: ModelScanResult = { findings: [], problems: [] };
  const violations = [...opened.violations];
  let scanned = 0;
  try {
    for (const info of opened.entries) {
      const what = role(info.name, kind);
      if (!what) continue;
      if (opened.refused.has(info.name)) {
        out.problems.push({ kind: 'skipped', message: `${info.name}: not read, its declared size is over the limits` });
        continue;
      }
      scanned++;
      try {
        const res = await scanEntry(opened, info, what);
        out.findings.push(...res.findings);
        out.problems.push(...res.problems);
      } catch (e) {
        if (isSizeLie(e)) violations.push(`\`${info.name}\` inflates past its declared ${info.uncompressedSize} bytes (a liar header)`);
        else out.problems.push({ kind: 'parse-error', message: `${info.name}: cannot read entry: ${(e as Error).message}` });
      }
    }
  } finally {
    opened.zip.close();
  }
  if (violations.length) out.findings.unshift(limitsFinding(violations));
  if (scanned === 0 && kind === 'torch' && !violations.length) out.problems.push({ kind: 'skipped', message: 'zip archive has no pickle (*.pkl) entries to scan' });
  return out;
}

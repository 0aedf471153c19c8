// Dockerfiles: base images without digest, unpinned installs in RUN, `curl | sh`, `ADD <url>` without --checksum.
import type { Problem } from '../../../engine/finding';
import { fileRole, roleClause } from '../../../engine/file-role';
import type { AnalyzerContext, RawFinding, TextAnalyzer } from '../../../engine/plugin';
import type { SourceFile } from '../../../engine/source-file';
import { classifyImage, imageMessage, placeholderDigestFix } from '../images';
import { installIssues, pipesDownloadToShell, substitutesDownloadIntoShell } from '../install-commands';
import { argWords, parseDockerfile, type Instruction } from '../parse/dockerfile';
import { tokenizeShell, type ShellCommand } from '../parse/shell';
import { commandFinding } from './install-finding';
import { digestFix } from '../network/fixes';

/** Rule ids this analyser reports. */
export const DOCKER_RULES = {
  image: 'docker-image-not-pinned',
  install: 'docker-unpinned-package-install',
  pipeToShell: 'docker-remote-script-piped-to-shell',
  addUrl: 'docker-add-url-without-checksum',
} as const;

/** Shell commands of a RUN instruction (shell form, exec form or heredoc). */
function runCommands(text: string, ins: Instruction): ShellCommand[] {
  if (ins.heredoc) return tokenizeShell(text, ins.heredoc.start, ins.heredoc.end);
  const trimmed = ins.args.trim();
  if (trimmed.startsWith('[')) {
    try {
      const arr = JSON.parse(trimmed.replace(/\\\r?\n/g, ' ')) as unknown;
      if (Array.isArray(arr) && arr.every((x) => typeof x === 'string')) {
        // ["sh", "-c", "pip install x"] runs a shell script; otherwise the array is one command.
        if (/^(\/bin\/)?(ba)?sh$/.test(arr[0]) && arr[1] === '-c' && typeof arr[2] === 'string') {
          const at = text.indexOf(JSON.stringify(arr[2]).slice(1, -1), ins.argsStart);
          return at >= 0 ? tokenizeShell(text, at, at + JSON.stringify(arr[2]).length - 2) : [];
        }
        let from = ins.argsStart;
        const words = (arr as string[]).map((w) => {
          const at = text.indexOf(`"${w}"`, from);
          const start = at >= 0 ? at + 1 : ins.argsStart;
          from = at >= 0 ? at + w.length + 2 : from;
          return { text: w, start, end: start + w.length };
        });
        return [{ words, piped: false }];
      }
    } catch {
      return [];
    }
  }
  const commands = tokenizeShell(text, ins.argsStart, ins.end);
  // BuildKit flags (`RUN --mount=type=cache,... pip install x`) precede the command itself.
  const first = commands[0];
  if (first) while (first.words[0]?.text.startsWith('--')) first.words.shift();
  return commands;
}

/** Substitutes `$X` / `${X}` from ARG defaults; returns undefined when a variable has no default. */
function substitute(ref: string, args: Map<string, string>): string | undefined {
  let unknown = false;
  const out = ref.replace(/\$\{?(\w+)(?::?-([^}]*))?\}?/g, (_, name: string, dflt?: string) => {
    const v = args.get(name) ?? dflt;
    if (v === undefined) unknown = true;
    return v ?? '';
  });
  return unknown ? undefined : out;
}

function checkFrom(ctx: AnalyzerContext, path: string, ins: Instruction, stages: Set<string>, args: Map<string, string>, findings: RawFinding[]): void {
  const words = argWords(ins).filter((w) => !w.text.startsWith('--'));
  const image = words[0];
  if (!image) return;
  if (words[1]?.text.toLowerCase() === 'as' && words[2]) stages.add(words[2].text.toLowerCase());
  reportImage(ctx, path, image, stages, args, findings, 'Base image');
}

function reportImage(ctx: AnalyzerContext, path: string, image: { text: string; start: number; end: number }, stages: Set<string>, args: Map<string, string>, findings: RawFinding[], where: string): void {
  if (stages.has(image.text.toLowerCase()) || /^\d+$/.test(image.text)) return;
  const resolved = image.text.includes('$') ? substitute(image.text, args) : image.text;
  if (!resolved || stages.has(resolved.toLowerCase())) return;
  const { pin } = classifyImage(resolved);
  if (pin === 'digest' || pin === 'skip') return;
  const label = resolved === image.text ? where : `${where} (\`${image.text}\` with its ARG defaults)`;
  // Sample and test images are built to try or test something, not shipped.
  const role = pin === 'latest' ? fileRole(path) : undefined;
  findings.push({
    ruleId: DOCKER_RULES.image,
    range: { start: image.start, end: image.end },
    severity: pin === 'tag' || role ? 'note' : pin === 'placeholder' ? 'warning' : undefined,
    message: `${imageMessage(resolved, pin, label)}${role ? ` Reported as a note because ${roleClause(role, 'this Dockerfile')}: its image is not shipped.` : ''}`,
    fixes: pin !== 'placeholder' && resolved === image.text ? [...digestFix(ctx, resolved, image.end), placeholderDigestFix(image.end)] : [],
    properties: { image: resolved, pin },
  });
}

function checkRun(file: SourceFile, ins: Instruction, ctx: AnalyzerContext, findings: RawFinding[]): void {
  const commands = runCommands(file.text, ins);
  if (ctx.enabled(DOCKER_RULES.install)) {
    const role = fileRole(file.path);
    // Sample and test images are built by people trying an example or by a test run, not shipped: hygiene, not risk.
    const downgrade = role ? `${roleClause(role, 'this Dockerfile')}: its image is built to try or test something, not shipped` : undefined;
    for (const cmd of commands) {
      const f = commandFinding(DOCKER_RULES.install, installIssues(cmd, { apt: true }), 'RUN', { downgrade });
      if (f) findings.push(f);
    }
  }
  if (!ctx.enabled(DOCKER_RULES.pipeToShell)) return;
  const piped = commands.find(pipesDownloadToShell);
  const raw = ins.heredoc ? file.text.slice(ins.heredoc.start, ins.heredoc.end) : ins.args;
  if (piped || substitutesDownloadIntoShell(raw)) {
    const range = piped ? { start: piped.pipedFrom!.words[0].start, end: piped.words[piped.words.length - 1].end } : { start: ins.start, end: ins.end };
    findings.push({ ruleId: DOCKER_RULES.pipeToShell, range, message: 'A script downloaded at build time is run straight from the network (`curl ... | sh`): nothing checks what was fetched. Download to a file, verify its checksum (`sha256sum -c`), then run it.' });
  }
}

function checkAdd(ins: Instruction, findings: RawFinding[]): void {
  const words = argWords(ins);
  if (words.some((w) => w.text.startsWith('--checksum='))) return;
  const sources = words.filter((w) => !w.text.startsWith('--')).slice(0, -1);
  for (const w of sources) {
    if (!/^https?:\/\//i.test(w.text) || /\.git(#|$)/.test(w.text)) continue;
    findings.push({ ruleId: DOCKER_RULES.addUrl, range: { start: w.start, end: w.end }, message: `\`ADD ${w.text}\` downloads without \`--checksum=sha256:...\`: a changed or compromised file goes into the image unnoticed. Add \`--checksum\` (or download and verify in RUN).` });
  }
}

/** The Dockerfile analyser. */
export const dockerfileAnalyzer: TextAnalyzer = {
  name: 'supply-chain/dockerfile',
  targets: ['dockerfile'],
  analyze(file, ctx) {
    const parsed = parseDockerfile(file.text);
    const problems: Problem[] = parsed.errors.map((e) => ({ kind: 'parse-error', message: `Dockerfile: ${e.message}`, range: { start: e.start, end: e.end } }));
    const findings: RawFinding[] = [];
    const stages = new Set<string>();
    const args = new Map<string, string>();
    for (const ins of parsed.instructions) {
      if (ins.keyword === 'ARG') {
        const m = /^\s*(\w+)=("?)([^"\s]*)\2/.exec(ins.args);
        if (m && !args.has(m[1])) args.set(m[1], m[3]);
      } else if (ins.keyword === 'FROM' && ctx.enabled(DOCKER_RULES.image)) {
        checkFrom(ctx, file.path, ins, stages, args, findings);
      } else if (ins.keyword === 'FROM') {
        const w = argWords(ins).filter((x) => !x.text.startsWith('--'));
        if (w[1]?.text.toLowerCase() === 'as' && w[2]) stages.add(w[2].text.toLowerCase());
      } else if (ins.keyword === 'RUN') {
        checkRun(file, ins, ctx, findings);
      } else if (ins.keyword === 'ADD' && ctx.enabled(DOCKER_RULES.addUrl)) {
        checkAdd(ins, findings);
      } else if (ins.keyword === 'COPY' && ctx.enabled(DOCKER_RULES.image)) {
        // `COPY --from=ghcr.io/astral-sh/uv:latest ...` pulls an image, not a stage.
        const from = argWords(ins).find((w) => w.text.startsWith('--from='));
        const ref = from?.text.slice('--from='.length);
        if (from && ref && /[:/]/.test(ref)) reportImage(ctx, file.path, { text: ref, start: from.start + 7, end: from.end }, stages, args, findings, '`COPY --from` image');
      }
    }
    return { findings, problems };
  },
};

import * as fs from 'fs';
import * as path from 'path';
import { parseBpmn } from '@brobygger/bpmn';
import { EngineUnderTest, startEngineUnderTest } from '../support/engine-harness';
import { cancelEverything, runProcess, type RunResult } from './corpus-run';
import {
  classify,
  KNOWN_DIFFERENCES,
  zeebeDeployExpectation,
  type CorpusFileResult,
  type CorpusSummary,
} from './corpus-expectations';

/**
 * The Camunda 8 compatibility corpus: every Zeebe-targeted process file of /work/shared/corpus is
 * deployed through zeebe-node and, when accepted, run as far as generic workers take it. The
 * outcome is compared with what Camunda 8 does (corpus-expectations.ts); the summary goes to
 * test-artifacts/compat-corpus.json, from which scripts/compat-report.ts writes docs/compatibility.md.
 */
const CORPUS = process.env.CORPUS_DIR ?? '/work/shared/corpus';
const MANIFEST = path.join(CORPUS, 'manifest.json');
const ARTIFACT = path.join(__dirname, '../../test-artifacts/compat-corpus.json');
const maybe = fs.existsSync(MANIFEST) ? describe : describe.skip;

interface ManifestFile {
  path: string;
  type: 'bpmn' | 'form';
  category: string;
  targetsZeebe?: boolean;
}

jest.setTimeout(120_000);

maybe('the Camunda 8 corpus, deployed and run through zeebe-node', () => {
  let engine: EngineUnderTest;
  beforeAll(async () => (engine = await startEngineUnderTest()));
  afterAll(() => engine?.stop());

  it('behaves as Camunda 8 does on every Zeebe-targeted process file, or the difference is recorded', async () => {
    const manifest = JSON.parse(fs.readFileSync(MANIFEST, 'utf8')) as { files: ManifestFile[] };
    const files = manifest.files.filter((f) => f.category === 'process' && f.targetsZeebe === true);
    expect(files.length).toBeGreaterThan(100);

    // 1. Deploy everything first, as a project deploys its files (call activities find their targets).
    const results: CorpusFileResult[] = [];
    for (const f of files) results.push(await deployFile(f));

    // 2. Run every accepted process: redeploy its file (so its version is the latest), drive it, clean up.
    for (const [i, result] of results.entries()) {
      if (!result.deploy.accepted || result.type !== 'bpmn') continue;
      const xml = fs.readFileSync(path.join(CORPUS, result.file));
      const redeployed = await engine.zbc.deployResource({ process: xml, name: path.basename(result.file) });
      const parsed = await parseBpmn(xml.toString('utf8'), result.file);
      if (!parsed.ok) throw new Error(`${result.file} was deployed but does not parse`);
      result.runs = [];
      for (const deployed of redeployed.deployments) {
        const proc = deployed.process;
        if (!proc) continue;
        const model = parsed.processes.find((p) => p.bpmnProcessId === proc.bpmnProcessId)!;
        const run: RunResult = await runProcess(
          engine,
          proc.bpmnProcessId,
          String(proc.processDefinitionKey),
          model.noneStartEventId !== undefined,
          String(i),
        );
        result.runs.push(run);
        await cancelEverything(engine);
      }
    }

    for (const result of results) classify(result);
    const summary: CorpusSummary = { generatedAt: new Date().toISOString(), corpus: CORPUS, files: results };
    fs.mkdirSync(path.dirname(ARTIFACT), { recursive: true });
    fs.writeFileSync(ARTIFACT, `${JSON.stringify(summary, null, 2)}\n`);

    // Every difference from Camunda 8 must be a recorded one (a gap or a deliberate refusal), and
    // every recorded one must still occur: nothing in the corpus is ignored silently.
    const differences = results.filter((r) => r.outcome === 'DIFFERENCE').map((r) => r.file);
    expect(differences.sort()).toEqual(Object.keys(KNOWN_DIFFERENCES).sort());
    // A refusal names the element (or the resource) and the reason.
    for (const r of results.filter((x) => !x.deploy.accepted)) {
      expect(r.deploy.message).toMatch(/'[^']+'/);
    }
  });

  async function deployFile(f: ManifestFile): Promise<CorpusFileResult> {
    const content = fs.readFileSync(path.join(CORPUS, f.path));
    const name = path.basename(f.path);
    const result: CorpusFileResult = {
      file: f.path,
      type: f.type,
      zeebe: zeebeDeployExpectation(f.path, f.type, CORPUS),
      deploy: { accepted: false },
      outcome: 'DIFFERENCE',
    };
    try {
      const response =
        f.type === 'form'
          ? await engine.zbc.deployResource({ form: content, name })
          : await engine.zbc.deployResource({ process: content, name });
      result.deploy = {
        accepted: true,
        processIds: response.deployments.flatMap((d) => ('process' in d && d.process ? [d.process.bpmnProcessId] : [])),
      };
    } catch (error) {
      const e = error as { code?: number; details?: string; message: string };
      result.deploy = { accepted: false, code: e.code, message: e.details ?? e.message };
    }
    return result;
  }
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_AUTO_DISPATCH_THRESHOLD } from '@shanzhi/shared';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TINY_CORPUS } from './classifier/test-fixtures.js';
import { type CliIo, EXIT_BAD_INPUT, registerModelCommands } from './model.cli.js';

interface Run {
  out: string[];
  err: string[];
  exitCode: number;
}

async function run(args: string[]): Promise<Run> {
  const result: Run = { out: [], err: [], exitCode: 0 };
  const io: CliIo = {
    out: (line) => result.out.push(line),
    err: (line) => result.err.push(line),
    setExitCode: (code) => {
      result.exitCode = code;
    },
  };
  const program = new Command().exitOverride();
  registerModelCommands(program, io);
  await program.parseAsync(['node', 'shanzhi', ...args]);
  return result;
}

const FIELDS = ['--text-field', 'body', '--label-field', 'category'];

describe('model commands', () => {
  let dir = '';
  const good = () => join(dir, 'good.jsonl');
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'shanzhi-cli-'));
    const lines = TINY_CORPUS.map((e) => JSON.stringify({ body: e.text, category: e.label }));
    await writeFile(good(), `${lines.join('\n')}\n`);
    await writeFile(join(dir, 'not-json.jsonl'), `${lines[0]}\n${lines[1]}\n{"body": "路灯坏了",\n`);
    await writeFile(join(dir, 'no-label.jsonl'), `${lines[0]}\n{"body": "路灯坏了"}\n`);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('trains, then evaluates with exactly one JSON line on stdout', async () => {
    const out = join(dir, 'model');
    const fields = ['--text-field', 'body', '--label-field', 'category'];
    const trained = await run(['model', 'train', '--input', good(), ...fields, '--out', out]);
    expect(trained.exitCode).toBe(0);
    expect(JSON.parse(trained.out[0]!)).toMatchObject({ n: TINY_CORPUS.length });
    const evaluated = await run(['model', 'eval', '--model', out, '--input', good(), ...fields]);
    expect(evaluated.exitCode).toBe(0);
    expect(evaluated.out).toHaveLength(1);
    const report = JSON.parse(evaluated.out[0]!);
    expect(Object.keys(report)).toEqual([
      'n',
      'accuracy',
      'macro_f1',
      'ece',
      'auto_dispatch',
      'per_label',
      'ms_per_item',
    ]);
    expect(report.n).toBe(TINY_CORPUS.length);
    expect(report.ece).toBeGreaterThanOrEqual(0);
    expect(report.auto_dispatch.threshold).toBe(DEFAULT_AUTO_DISPATCH_THRESHOLD);
  });

  it('evaluates the auto-dispatch trade at the threshold asked for', async () => {
    const out = join(dir, 'model-threshold');
    await run(['model', 'train', '--input', good(), ...FIELDS, '--out', out]);
    const args = ['model', 'eval', '--model', out, '--input', good(), ...FIELDS];
    const none = JSON.parse((await run([...args, '--threshold', '1'])).out[0]!);
    const all = JSON.parse((await run([...args, '--threshold', '0.01'])).out[0]!);
    expect(all.auto_dispatch).toMatchObject({ threshold: 0.01, coverage: 1 });
    expect(all.auto_dispatch.accuracy).toBeCloseTo(all.accuracy, 4);
    expect(none.auto_dispatch.coverage).toBeLessThan(1);
    const bad = await run([...args, '--threshold', '1.5']);
    expect(bad.exitCode).toBe(EXIT_BAD_INPUT);
    expect(bad.err.join('\n')).toMatch(/--threshold must be a probability/);
  });

  it('cross-validates and prints per-fold and mean figures', async () => {
    const result = await run([
      'model',
      'cv',
      '--input',
      good(),
      '--text-field',
      'body',
      '--label-field',
      'category',
      '--folds',
      '3',
    ]);
    const report = JSON.parse(result.out[0]!);
    expect(report.folds).toHaveLength(3);
    expect(report.accuracy).toBe(report.mean.accuracy);
    expect(report.macro_f1).toBe(report.mean.macro_f1);
    expect(report.ece).toBeGreaterThanOrEqual(0);
    expect(report.ece).toBeLessThanOrEqual(1);
    expect(report.auto_dispatch.threshold).toBe(DEFAULT_AUTO_DISPATCH_THRESHOLD);
  });

  it('names a missing input file and exits with 2', async () => {
    const result = await run(['model', 'cv', '--input', join(dir, 'absent.jsonl')]);
    expect(result.exitCode).toBe(EXIT_BAD_INPUT);
    expect(result.err.join('\n')).toMatch(/absent\.jsonl: file not found/);
    expect(result.out).toEqual([]);
  });

  it('names the line that is not JSON and exits with 2', async () => {
    const result = await run([
      'model',
      'train',
      '--input',
      join(dir, 'not-json.jsonl'),
      ...FIELDS,
      '--out',
      join(dir, 'x'),
    ]);
    expect(result.exitCode).toBe(EXIT_BAD_INPUT);
    expect(result.err.join('\n')).toMatch(/not-json\.jsonl:3: line 3 is not valid JSON/);
  });

  it('names the line with a missing field and exits with 2', async () => {
    const result = await run([
      'model',
      'cv',
      '--input',
      join(dir, 'no-label.jsonl'),
      '--text-field',
      'body',
      '--label-field',
      'category',
    ]);
    expect(result.exitCode).toBe(EXIT_BAD_INPUT);
    expect(result.err.join('\n')).toMatch(
      /no-label\.jsonl:2: line 2 has no non-empty string field "category"/,
    );
  });

  it('refuses a model directory that does not exist, with exit code 2', async () => {
    const result = await run([
      'model',
      'eval',
      '--model',
      join(dir, 'nowhere'),
      '--input',
      good(),
      ...FIELDS,
    ]);
    expect(result.exitCode).toBe(EXIT_BAD_INPUT);
    expect(result.err.join('\n')).toMatch(/nowhere/);
  });
});

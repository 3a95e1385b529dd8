import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExperimentResult } from '../../src/experiment/result.js';
import { simulate } from '../../src/simulate.js';
import { sweep } from '../../src/experiment/sweep.js';
import { renderReport, reportText, writeReport } from '../../src/render/index.js';
import { cli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'fas-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => join(dir, name);
const read = (name: string) => readFileSync(at(name), 'utf8');
const leftovers = () => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

const spec = {
  config: { run: { burnInYears: 1, horizonYears: 2 }, suppliers: { initialCount: 60 } },
  variants: [{ name: 'guarantee', input: { policy: { minimumVolumeShare: 0.3 } } }],
  seed: 5,
  rows: false,
  series: true,
};

let result: ExperimentResult;
beforeAll(async () => {
  writeFileSync(at('spec.json'), JSON.stringify(spec));
  const run = await cli('run', '--spec', at('spec.json'), '--runs', '4', '--out', at('result.json'), '--workers', '1');
  expect(run.code).toBe(0);
  result = JSON.parse(read('result.json')) as ExperimentResult;
});

/** Writes a changed copy of the result and returns its path. */
function variantOf(name: string, change: (r: Record<string, any>) => unknown): string {
  const copy = JSON.parse(JSON.stringify(result)) as Record<string, any>;
  const changed = change(copy) ?? copy;
  writeFileSync(at(name), typeof changed === 'string' ? changed : JSON.stringify(changed));
  return at(name);
}

describe('report command', () => {
  it('writes an HTML page with survival, concentration and the differences, and says what it wrote', async () => {
    const r = await cli('report', at('result.json'), '--out', at('report.html'));
    expect(r.stderr).toBe(`wrote ${at('report.html')}: 3 charts of 4 replications\n`);
    expect(r.code).toBe(0);
    const html = read('report.html');
    expect([...html.matchAll(/<section class="chart" id="([^"]+)">/g)].map((m) => m[1])).toEqual(['chart-survival', 'chart-concentration', 'chart-differences']);
    expect(html.match(/<svg\b/g)).toHaveLength(3);
    expect(html).toContain('<h1>guarantee against today: 4 paired runs</h1>');
    expect(html).toContain('<h2>Differences from today</h2>');
    // Every chart draws marks: lines and bands over time, interval rules and points for differences.
    for (const section of html.split('<section').slice(1)) expect(section).toMatch(/class="mark-(line|area|rule|symbol)/);
    expect(html).not.toMatch(/<script/i);
    expect(leftovers()).toEqual([]);
  });

  it('writes one SVG with the charts stacked for --out *.svg, with the --title given', async () => {
    const r = await cli('report', at('result.json'), '--out', at('report.svg'), '--title', 'Guarantee <first look>');
    expect(r.code).toBe(0);
    const svg = read('report.svg');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<svg id="chart-/g)).toHaveLength(3);
    expect(svg).toContain('<title>Guarantee &lt;first look&gt;</title>');
  });

  it('charts only the differences of a result without series', async () => {
    const file = variantOf('no-series.json', (r) => {
      for (const p of r['policies']) delete p.series;
    });
    const r = await cli('report', file, '--out', at('no-series.html'));
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/: 1 chart of 4 replications\n$/);
    expect(read('no-series.html')).toContain('id="chart-differences"');
  });

  it('charts a result written before results carried a format version (its numbers are still its own)', async () => {
    const file = variantOf('format1.json', (r) => {
      delete r['version'];
      r['seed'] = 7;
    });
    expect((await cli('report', file, '--out', at('format1.html'))).code).toBe(0);
  });

  it('prints its help', async () => {
    const r = await cli('report', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: framework-agreement-sim report <result\.json> --out/);
    expect((await cli('--help')).stdout).toContain('report <result.json> --out <report.html | report.svg>');
  });

  const bad: Array<[string, () => string[], RegExp]> = [
    ['a missing file', () => ['report', at('nope.json'), '--out', at('x.html')], /^error: cannot read experiment result .*nope\.json: ENOENT/],
    ['a file that is not JSON', () => ['report', variantOf('text.json', () => 'not json {'), '--out', at('x.html')], /^error: .*text\.json is not valid JSON/],
    ['another JSON file', () => ['report', at('spec.json'), '--out', at('x.html')], /^error: .*spec\.json: not an experiment result \(written by/],
    ['a shard state', () => ['report', variantOf('shard.json', () => ({ kind: 'framework-agreement-sim/shard', version: 1 })), '--out', at('x.html')], /^error: .*shard\.json: a shard state, not an experiment result; merge it first/],
    ['a damaged summary', () => ['report', variantOf('damaged.json', (r) => void (r['policies'][1].outcomes.hhi.mean = 'x')), '--out', at('x.html')], /^error: .*damaged\.json: a damaged experiment result \(policies\[1\]\.outcomes\.hhi\.mean is not a finite number\)$/],
    ['a damaged series', () => ['report', variantOf('damaged2.json', (r) => void r['policies'][0].series.hhi.push(null)), '--out', at('x.html')], /^error: .*: a damaged experiment result \(policies\[0\]\.series\.hhi\[\d+\] is not a summary\)$/],
    ['planned runs below the runs', () => ['report', variantOf('planned.json', (r) => void (r['plannedRuns'] = 2)), '--out', at('x.html')], /^error: .*: a damaged experiment result \(plannedRuns is not an integer of at least runs\)$/],
    ['no policies', () => ['report', variantOf('empty.json', (r) => void (r['policies'] = [])), '--out', at('x.html')], /^error: .*: a damaged experiment result \(policies is not a non-empty list\)$/],
    ['a variant without differences', () => ['report', variantOf('nodiff.json', (r) => void (r['differences'] = {})), '--out', at('x.html')], /^error: .*: a damaged experiment result \(differences lacks the variant "guarantee"\)$/],
    ['a result of another version', () => ['report', variantOf('old.json', (r) => {
      for (const p of r['policies']) delete p.outcomes.top15Share;
      delete r['differences'].guarantee.top15Share;
    }), '--out', at('x.html')], /^error: .*old\.json: written by another version of framework-agreement-sim \(it lacks the outcome "top15Share"\); rerun/],
    ['a result of a version without the noVariation flag', () => ['report', variantOf('old3.json', (r) => {
      for (const p of r['policies']) for (const s of Object.values(p.outcomes) as Array<Record<string, unknown>>) delete s['noVariation'];
    }), '--out', at('x.html')], /^error: .*old3\.json: written by another version .*\(its summaries lack the noVariation flag\); rerun/],
    ['a result of another result format', () => ['report', variantOf('format4.json', (r) => void (r['version'] = 4)), '--out', at('x.html')], /^error: .*format4\.json: written by another version of framework-agreement-sim \(result format 4, this version reads 3\); rerun/],
    ['a summary whose noVariation is not a boolean', () => ['report', variantOf('damaged3.json', (r) => void (r['policies'][1].outcomes.hhi.noVariation = 0)), '--out', at('x.html')], /^error: .*: a damaged experiment result \(policies\[1\]\.outcomes\.hhi\.noVariation is not true or false\)$/],
    ['a variance reduction that is not a positive number', () => ['report', variantOf('damaged4.json', (r) => void (r['differences'].guarantee.hhi.varianceReduction = 'x')), '--out', at('x.html')], /^error: .*: a damaged experiment result \(differences\["guarantee"\]\.hhi\.varianceReduction is not a positive number or null\)$/],
    ['a result of another version, in its series', () => ['report', variantOf('old2.json', (r) => {
      for (const p of r['policies']) delete p.series.top15Share;
    }), '--out', at('x.html')], /^error: .*old2\.json: written by another version .*\(it lacks the series "top15Share"\)/],
    ['an output that is not .html or .svg', () => ['report', at('result.json'), '--out', at('x.pdf')], /^error: --out .*x\.pdf: name the report \.html \(a web page\) or \.svg \(one image\)$/],
    ['an output in a missing directory', () => ['report', at('result.json'), '--out', at('missing/x.html')], /^error: cannot write --out .*: the directory .* does not exist/],
    ['no --out', () => ['report', at('result.json')], /^error: missing --out/],
    ['no result file', () => ['report', '--out', at('x.html')], /^error: no result file/],
    ['two result files', () => ['report', at('result.json'), at('result.json'), '--out', at('x.html')], /^error: one result file at a time, got 2/],
    ['an unknown flag', () => ['report', at('result.json'), '--out', at('x.html'), '--pdf'], /^error: Unknown option '--pdf'/],
  ];
  it.each(bad)('refuses %s with one line, exit 2 and no file written', async (_, argv, message) => {
    const r = await cli(...argv());
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd()).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(at('x.html')) || existsSync(at('x.pdf'))).toBe(false);
    expect(leftovers()).toEqual([]);
  });
});

describe('writeReport', () => {
  it('writes HTML or SVG by the extension, with the default heading from the result', async () => {
    await writeReport(result, at('lib.HTML'));
    expect(read('lib.HTML')).toContain('<title>guarantee against today: 4 paired runs</title>');
    await writeReport(result, at('lib.svg'), { title: 'Mine' });
    expect(read('lib.svg')).toContain('<title>Mine</title>');
  });

  it('a partial result (merge --partial) says so before anything else', () => {
    expect(reportText({ ...result, plannedRuns: 10 }).intro).toMatch(/^A partial result: 4 of the 10 replications the spec plans\. 4 replications/);
    expect(reportText({ ...result, plannedRuns: 4 }).intro).toMatch(/^4 replications/);
  });

  it('reports a sweep and a single run too, with headings that say what they are', async () => {
    const small = { run: { burnInYears: 1, horizonYears: 1 }, suppliers: { initialCount: 40 } };
    const s = await sweep(small, 'policy.minimumVolumeShare', [0, 0.3], { runs: 2, seed: 1, rows: false });
    expect(reportText(s).title).toBe('Sweep of policy.minimumVolumeShare: 2 values, 2 runs each');
    const sweepHtml = await renderReport(s, 'html');
    expect(sweepHtml.match(/<section class="chart" id="chart-sweep-/g)?.length).toBeGreaterThan(0);
    expect(sweepHtml).toContain('id="chart-differences"');
    const run = simulate(small, 3);
    const runSvg = await renderReport(run, 'svg');
    expect(runSvg).toContain(`<title>One run of ${run.policy}</title>`);
    expect(runSvg.match(/<svg id="chart-run"/g)).toHaveLength(1);
  });

  it('refuses another extension, writing nothing', async () => {
    await expect(writeReport(result, at('lib.png'))).rejects.toThrow(/name it \.html \(a web page\) or \.svg/);
    expect(existsSync(at('lib.png'))).toBe(false);
  });
});

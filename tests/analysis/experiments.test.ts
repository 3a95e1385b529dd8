/**
 * experiments(): scenarios of the world's uncertainties x policies, paired, as one tidy table.
 */
import { describe, expect, it } from 'vitest';
import { experiments, rerunExperiments } from '../../src/analysis/experiments.js';
import { compare } from '../../src/experiment/compare.js';
import { ConfigError } from '../../src/model/decode.js';
import { LIBRARY } from '../../src/version.js';

const small = { run: { burnInYears: 1, horizonYears: 1 }, suppliers: { initialCount: 40 } };
const policies = { guarantee: { policy: { minimumVolumeShare: 0.5 } } };

describe('experiments', () => {
  it('a factorial crosses every value, one row per scenario and policy, each input its own column; each scenario is a plain paired compare', async () => {
    const study = await experiments(small, {
      uncertainties: [
        { path: 'market.allocationRule', values: ['shares', 'rank'] },
        { path: 'suppliers.exit.idleExitProbability', values: [0.05, 0.2] },
      ],
      policies,
      sampler: 'factorial',
      runs: 2,
      seed: 3,
      outcomes: ['hhi', 'smallCohortSurvival'],
    });
    expect(study.library).toBe(LIBRARY);
    expect(study.scenarios).toEqual([
      { 'market.allocationRule': 'shares', 'suppliers.exit.idleExitProbability': 0.05 },
      { 'market.allocationRule': 'shares', 'suppliers.exit.idleExitProbability': 0.2 },
      { 'market.allocationRule': 'rank', 'suppliers.exit.idleExitProbability': 0.05 },
      { 'market.allocationRule': 'rank', 'suppliers.exit.idleExitProbability': 0.2 },
    ]);
    expect(study.policies).toEqual(['today', 'guarantee']);
    expect(study.rows).toHaveLength(8);
    expect(Object.keys(study.rows[1]!)).toEqual(['scenario', 'policy', 'market.allocationRule', 'suppliers.exit.idleExitProbability', 'hhi', 'smallCohortSurvival', 'hhiChange', 'smallCohortSurvivalChange']);
    // Scenario 2 (rank, 0.05) is exactly compare() in that world with the same seed.
    const direct = await compare({ ...small, market: { allocationRule: 'rank' }, suppliers: { ...small.suppliers, exit: { idleExitProbability: 0.05 } } }, policies, { runs: 2, seed: 3, rows: false, series: false });
    const [today, guarantee] = study.rows.filter((r) => r.scenario === 2);
    expect(today).toMatchObject({ policy: 'today', hhi: direct.policies[0]!.outcomes.hhi.mean, hhiChange: 0 });
    expect(guarantee).toMatchObject({ policy: 'guarantee', hhi: direct.policies[1]!.outcomes.hhi.mean, hhiChange: direct.differences['guarantee']!.hhi.mean });
  });

  it('lhs and sobol put one point in each stratum of every range; the same seed gives the same study', async () => {
    const options = { uncertainties: [{ path: 'suppliers.exit.idleExitProbability', range: [0, 0.4] as const }, { path: 'suppliers.exit.idlePeriodsBeforeExit', range: [4, 12] as const, integer: true }], policies: {}, runs: 1, seed: 9, outcomes: ['hhi' as const] };
    for (const sampler of ['lhs', 'sobol'] as const) {
      const a = await experiments(small, { ...options, sampler, scenarios: 8 });
      const strata = a.scenarios.map((s) => Math.floor(((s['suppliers.exit.idleExitProbability'] as number) / 0.4) * 8)).sort((x, y) => x - y);
      expect(strata, sampler).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      for (const s of a.scenarios) expect(Number.isInteger(s['suppliers.exit.idlePeriodsBeforeExit'])).toBe(true);
      expect(JSON.stringify(await experiments(small, { ...options, sampler, scenarios: 8 }))).toBe(JSON.stringify(a));
    }
  });

  it('replications: true adds one row per scenario, policy and replication, whose means are the table\u2019s', async () => {
    const study = await experiments(small, { uncertainties: [{ path: 'market.allocationRule', values: ['rank'] }], policies, sampler: 'factorial', runs: 3, outcomes: ['hhi'], replications: true });
    expect(study.replicationRows).toHaveLength(6);
    for (const row of study.rows) {
      const own = study.replicationRows!.filter((r) => r.policy === row.policy).map((r) => r.hhi as number);
      expect(own.reduce((a, b) => a + b, 0) / 3).toBeCloseTo(row.hhi as number, 12);
    }
  });

  it('records its levers, and rerunExperiments reproduces a saved study byte for byte', async () => {
    const study = await experiments(small, { uncertainties: [{ path: 'suppliers.exit.idleExitProbability', range: [0, 0.4] }], policies, sampler: 'sobol', scenarios: 2, runs: 2, seed: 5, outcomes: ['hhi'], replications: true });
    expect(study.levers).toEqual([{ name: 'guarantee', input: policies.guarantee }]);
    const saved = JSON.parse(JSON.stringify(study)) as typeof study;
    expect(JSON.stringify(await rerunExperiments(saved))).toBe(JSON.stringify(saved));
    await expect(rerunExperiments({ ...saved, library: 'framework-agreement-sim 0.1.0' })).rejects.toThrow('it was written by framework-agreement-sim 0.1.0');
  });

  it('the paths of the TSDoc example decode (a study over them runs)', async () => {
    const study = await experiments(small, { uncertainties: [{ path: 'market.demand.macroVolatility', range: [0.02, 0.08] }, { path: 'suppliers.exit.idleExitProbability', range: [0.05, 0.2] }], policies: {}, sampler: 'lhs', scenarios: 2, runs: 1, outcomes: ['hhi'] });
    expect(study.rows).toHaveLength(2);
  });

  it('reports progress over every scenario, naming it', async () => {
    const phases: string[] = [];
    await experiments(small, { uncertainties: [{ path: 'market.allocationRule', values: ['shares', 'rank'] }], policies: {}, sampler: 'factorial', runs: 2, outcomes: ['hhi'], onProgress: (p) => phases.push(`${p.done}/${p.total} ${p.phase}`) });
    expect(phases).toEqual(['1/4 scenario 1 of 2', '2/4 scenario 1 of 2', '3/4 scenario 2 of 2', '4/4 scenario 2 of 2']);
  });

  it('refuses bad options with paths, and a scenario whose config does not decode before any run', async () => {
    await expect(experiments(small, { uncertainties: [], policies, sampler: 'lhs', runs: 1 })).rejects.toThrow(ConfigError);
    const bad = await experiments(small, { uncertainties: [{ path: 'suppliers.exit.idleExitProbability', values: [1] }], policies, sampler: 'lhs', scenarios: 0, runs: 0, outcomes: ['nope' as 'hhi'] }).catch((e: ConfigError) => e.issues.map((i) => i.path));
    expect(bad).toEqual(['suppliers.exit.idleExitProbability', 'scenarios', 'runs', 'outcomes']);
    const decode = await experiments(small, { uncertainties: [{ path: 'suppliers.exit.idleExitProbability', values: [0.1, 3] }], policies, sampler: 'factorial', runs: 1 }).catch((e: ConfigError) => e.issues.map((i) => i.path));
    expect(decode).toEqual(['scenarios[1].suppliers.exit.idleExitProbability']);
  });
});

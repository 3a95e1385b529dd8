// The same small workload for every runtime the package check tries (Node, Deno, a browser): one
// simulation and a 4-run Monte Carlo experiment on a small market. It takes the library's module
// namespace as an argument, so it imports nothing itself and bundles or loads anywhere. Its JSON
// output must be byte-identical across runtimes (same config + seed, same numbers).

const CONFIG = { run: { burnInYears: 1, horizonYears: 1 }, suppliers: { initialCount: 40 } };

/** Every number under `value` must be finite; returns how many there were. */
function countFinite(value, path, found = { n: 0 }) {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`probe: ${path} is ${value}`);
    found.n++;
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => countFinite(v, `${path}[${i}]`, found));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) countFinite(v, `${path}.${k}`, found);
  }
  return found.n;
}

/**
 * Runs the workload with `lib` (the framework-agreement-sim core entry) and returns plain data:
 * the run's outcomes, series and ledger and the experiment's summaries (configs left out: they
 * echo the input, with nulls where a setting is off). Throws if any number is NaN or infinite.
 */
export async function probe(lib) {
  const run = lib.simulate(CONFIG, 1);
  const experiment = await lib.monteCarlo(CONFIG, { runs: 4, seed: 3 });
  const result = {
    run: { horizonPeriods: run.horizonPeriods, outcomes: run.outcomes, series: run.series, ledger: run.ledger },
    experiment: { runs: experiment.runs, policies: experiment.policies, differences: experiment.differences },
  };
  const numbers = countFinite(result, 'result');
  if (run.horizonPeriods !== 4 || numbers < 1000) throw new Error(`probe: unexpected result (${run.horizonPeriods} periods, ${numbers} numbers)`);
  const hhi = experiment.policies[0].outcomes.hhi.mean;
  if (!(hhi > 0 && hhi <= 1)) throw new Error(`probe: mean HHI ${hhi} outside (0, 1]`);
  return result;
}

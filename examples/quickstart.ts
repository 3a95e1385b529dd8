// The README's first example: one replication of today's policy and of a 90 % guarantee,
// both from the same burned-in market, so the difference is the policy's alone.
import { burnIn, simulateFrom } from '../src/index.js';

const market = burnIn({}, 42); // 20 years under today's policy
const today = simulateFrom(market);
const guarantee = simulateFrom(market, { policy: { name: 'guarantee', minimumVolumeShare: 0.9 } });

for (const r of [today, guarantee]) {
  const o = r.outcomes;
  console.log(`${r.policy}: ${o.tenderedSuppliers} suppliers with agreements, small-cohort survival ${o.smallCohortSurvival.toFixed(2)}, ` +
    `${o.costPerParticipantWeek.toFixed(0)} NOK per participant-week, guarantee ${(o.guaranteePaymentsPerYear / 1e6).toFixed(0)} MNOK/yr`);
}

/**
 * The ledger's fields are listed once, in `LEDGER_FIELDS` (issue 14, item 5): the engine's running
 * ledger, the result's ledger and docs/model.md's table all follow that list.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ledgerOf } from '../../src/engine/observe.js';
import { emptyLedger } from '../../src/engine/state.js';
import { LEDGER_FIELD_NAMES, LEDGER_FIELDS, RUNNING_LEDGER_FIELDS } from '../../src/model/result.js';
import { tinyConfig, tinyMarket } from '../helpers/tinyMarket.js';

describe('the ledger has one list of fields', () => {
  it('the engine keeps the running fields, zeroed at the start', () => {
    expect(Object.entries(emptyLedger())).toEqual(RUNNING_LEDGER_FIELDS.map((k) => [k, 0]));
    expect(RUNNING_LEDGER_FIELDS).toEqual(LEDGER_FIELD_NAMES.filter((k) => LEDGER_FIELDS[k] === 'running'));
  });

  it('a result lists every field, in the order of LEDGER_FIELDS', () => {
    const { state } = tinyMarket(tinyConfig());
    expect(Object.keys(ledgerOf(state, 2))).toEqual(Object.keys(LEDGER_FIELDS));
    expect(ledgerOf(state, 2)).toMatchObject({ initialSuppliers: 2, activeAtEnd: 2, entries: 0 });
  });

  it('docs/model.md has a row for every field, in that order, and no other', () => {
    const doc = readFileSync(new URL('../../docs/model.md', import.meta.url), 'utf8');
    const section = doc.slice(doc.indexOf('### The ledger (`result.ledger`)'));
    const table = section.slice(section.indexOf('| field | meaning |'), section.indexOf('\n\n', section.indexOf('| field | meaning |')));
    const documented = table
      .split('\n')
      .map((line) => /^\| `([A-Za-z]+)` \|/.exec(line)?.[1])
      .filter((k) => k !== undefined);
    expect(documented).toEqual(Object.keys(LEDGER_FIELDS));
  });
});

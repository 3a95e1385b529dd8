import { describe, expect, it } from 'vitest';
import { compare } from '../../src/experiment/compare.js';
import { ConfigError, OptionsError } from '../../src/model/decode.js';

describe('OptionsError: bad options are not a bad config', () => {
  it('bad options throw an OptionsError (still a ConfigError), a bad config a plain ConfigError', async () => {
    const options = await compare({}, {}, { runs: 0 }).catch((e: unknown) => e);
    expect(options).toBeInstanceOf(OptionsError);
    expect(options).toBeInstanceOf(ConfigError);
    expect((options as Error).message).toMatch(/^Invalid options:\n  options\.runs: expected an integer/);
    const config = await compare({ policy: { priceWeight: 3 } }, {}, { runs: 2 }).catch((e: unknown) => e);
    expect(config).toBeInstanceOf(ConfigError);
    expect(config).not.toBeInstanceOf(OptionsError);
  });
});

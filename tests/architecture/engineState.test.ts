/**
 * No hidden state in the engine (issue 14, item 6): a run's working memory is its workspace
 * (src/engine/workspace.ts), passed explicitly; no engine module keeps a variable or an array of
 * its own between calls. (A cache of values that follow from an immutable config, such as the
 * WeakMap in population.ts, is not state: it changes no result.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const ENGINE = new URL('../../src/engine/', import.meta.url);
const files = readdirSync(ENGINE).filter((f) => f.endsWith('.ts'));

describe('the engine keeps no state between calls', () => {
  it('reads the engine modules', () => {
    expect(files).toContain('workspace.ts');
    expect(files.length).toBeGreaterThan(15);
  });

  it.each(files)('%s declares no module-level variable, array or typed array', (file) => {
    const text = readFileSync(new URL(file, ENGINE), 'utf8');
    const wrong = text
      .split('\n')
      .filter((line) => /^(export )?(let|var) /.test(line) || /^(export )?const \w+(: [^=]+)? = (new \w*Array\b|\[\])/.test(line));
    expect(wrong).toEqual([]);
  });
});

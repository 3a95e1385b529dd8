import type { ConfigIssue } from './codecs.js';

/** Thrown by functions that take a config and cannot use it; `issues` lists every problem with its path. */
export class ConfigError extends Error {
  readonly issues: readonly ConfigIssue[];
  constructor(issues: readonly ConfigIssue[]) {
    super(`Invalid config:\n${issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`);
    this.name = 'ConfigError';
    this.issues = issues;
  }
}

/**
 * Thrown for bad options of a function (how to run: runs, seed, stop rule, worlds, outcomes),
 * rather than a bad config (what to simulate): every issue's path starts with `options.`. A
 * subclass of {@link ConfigError}, so code that catches ConfigError catches it too.
 * @example try { await compare({}, {}, { runs: 0 }); } catch (e) { e instanceof OptionsError; } // true
 */
export class OptionsError extends ConfigError {
  constructor(issues: readonly ConfigIssue[]) {
    super(issues);
    this.name = 'OptionsError';
    this.message = `Invalid options:\n${issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`;
  }
}

/**
 * The error for a list of issues: an {@link OptionsError} when every path is an option's
 * (`options.` ...), else a {@link ConfigError}.
 * @example inputError([{ path: 'options.runs', message: 'expected an integer' }]) // an OptionsError
 */
export function inputError(issues: readonly ConfigIssue[]): ConfigError {
  return issues.length > 0 && issues.every((i) => i.path.startsWith('options.')) ? new OptionsError(issues) : new ConfigError(issues);
}

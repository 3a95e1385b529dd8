/**
 * A count with its noun, singular for exactly one: the reports' sentences and headings say
 * "1 run" and "200 runs".
 * @example plural(1, 'run', 'runs') // '1 run'; plural(3, 'policy', 'policies') // '3 policies'
 */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Small text helpers shared by the HTML and SVG reports.
 * @packageDocumentation
 */

/**
 * Escapes text for HTML and XML content and attribute values.
 * @example
 * escapeXml('A & <B>'); // 'A &amp; &lt;B&gt;'
 */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * Paragraphs of a text in which blank lines separate paragraphs; white space inside one
 * paragraph becomes single spaces, and empty paragraphs are dropped.
 * @example
 * paragraphs('One\nline.\n\nTwo.'); // ['One line.', 'Two.']
 */
export function paragraphs(text: string | undefined): string[] {
  return (text ?? '')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '');
}

/**
 * An HTML anchor (`chart-` and lowercase letters, digits and dashes) from a name, unique among
 * those in `taken` (which it joins): a repeated name gets `-2`, `-3`, ...
 * @example
 * const taken = new Set<string>();
 * anchor('Survival', taken); // 'chart-survival'
 * anchor('Survival', taken); // 'chart-survival-2'
 */
export function anchor(name: string, taken: Set<string>): string {
  const base = `chart-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'chart'}`;
  let id = base;
  for (let k = 2; taken.has(id); k++) id = `${base}-${k}`;
  taken.add(id);
  return id;
}

/**
 * The message of anything thrown.
 * @example
 * messageOf(new Error('bad')); // 'bad'
 */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

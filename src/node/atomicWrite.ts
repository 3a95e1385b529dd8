import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * Writes `text` (UTF-8) to `file` so that readers see either the old file or the whole new one:
 * the text goes to a temporary file beside `file`, is flushed to disk, and is renamed over it.
 * A crash or a cancelled job never leaves a half-written file; on failure the temporary file is
 * removed and the file system error is rethrown.
 * @example
 * await writeFileAtomically('result.json', `${JSON.stringify(result)}\n`);
 */
export async function writeFileAtomically(file: string, text: string): Promise<void> {
  const target = resolve(file);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

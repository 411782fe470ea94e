/** Reads `--rule-stubs FILE` at start; any problem stops the start (CONFIG_INVALID) with the parser's message. */
import { readFile } from 'node:fs/promises';
import { SimError } from '../../domain/errors.js';
import { errorMessage } from '../../lib/guards.js';
import { parseStubFile } from './parse-stub-file.js';
import type { StubFile } from './stub-types.js';

/** @throws SimError CONFIG_INVALID for an unreadable or invalid file */
export async function readStubFile(path: string): Promise<StubFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new SimError('CONFIG_INVALID', `--rule-stubs ${path} cannot be read: ${errorMessage(error)}`);
  }
  try {
    return parseStubFile(text, path);
  } catch (error) {
    throw new SimError('CONFIG_INVALID', `--rule-stubs ${errorMessage(error)}`);
  }
}

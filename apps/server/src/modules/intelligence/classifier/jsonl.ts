import { readFile } from 'node:fs/promises';
import type { TrainingExample } from './train.js';

/** A labelled-data file that cannot be used; `line` is 1-based when the problem is on a line. */
export class DatasetError extends Error {
  override readonly name = 'DatasetError';
  readonly code = 'VALIDATION_FAILED';
  constructor(
    message: string,
    readonly file: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

/** Which fields of each JSON object hold the text and the label. */
export interface JsonlFields {
  /** field with the message text (default `text`) */
  textField?: string;
  /** field with the category (default `label`) */
  labelField?: string;
}

/**
 * Reads labelled messages from a JSON-lines file (one object per line, blank lines ignored). Throws a
 * DatasetError naming the file and line when the file is missing, a line is not a JSON object, or a field is
 * missing or not a non-empty string.
 */
export async function readLabelledJsonl(file: string, fields: JsonlFields = {}): Promise<TrainingExample[]> {
  const textField = fields.textField ?? 'text';
  const labelField = fields.labelField ?? 'label';
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : String(error);
    throw new DatasetError(`${file}: ${reason}`, file);
  }
  const examples: TrainingExample[] = [];
  const lines = content.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const where = `${file}:${i + 1}`;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch {
      throw new DatasetError(`${where}: line ${i + 1} is not valid JSON`, file, i + 1);
    }
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      throw new DatasetError(`${where}: line ${i + 1} is not a JSON object`, file, i + 1);
    }
    const record = row as Record<string, unknown>;
    const text = record[textField];
    const label = record[labelField];
    if (typeof text !== 'string') {
      throw new DatasetError(`${where}: line ${i + 1} has no string field "${textField}"`, file, i + 1);
    }
    if (typeof label !== 'string' || label === '') {
      throw new DatasetError(
        `${where}: line ${i + 1} has no non-empty string field "${labelField}"`,
        file,
        i + 1,
      );
    }
    examples.push({ text, label });
  }
  if (examples.length === 0) throw new DatasetError(`${file}: no examples`, file);
  return examples;
}

/** Test-only: the bounce fixtures of test/fixtures/bounces (tests run from the repository root). */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const BOUNCES = path.join(process.cwd(), 'test/fixtures/bounces');

export interface ExpectedBounce {
  cause: string;
  status?: string;
  remoteMta: { host?: string; ip?: string };
  replyCode?: number;
  phase?: string;
  recipients?: string[];
}

export function expectedBounces(): Record<string, ExpectedBounce> {
  return JSON.parse(fs.readFileSync(path.join(BOUNCES, 'expected.json'), 'utf8')) as Record<string, ExpectedBounce>;
}

/** A fixture as an editor or the CLI would hold it: UTF-8, else Latin-1 (ISO-2022-JP is 7-bit). */
export function readBounce(name: string): string {
  const bytes = fs.readFileSync(path.join(BOUNCES, name));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('latin1').decode(bytes);
  }
}

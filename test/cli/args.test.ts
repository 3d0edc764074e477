import assert from 'node:assert/strict';
import { test } from 'node:test';
import { oneOf, readArgs, UsageError } from '../../server/src/cli/files';

function read(args: string[]): { options: [string, string | undefined][]; operands: string[] } {
  const options: [string, string | undefined][] = [];
  const operands: string[] = [];
  readArgs(
    args,
    (name, arg) => {
      if (name === '--flag') options.push([name, undefined]);
      else if (name === '--pair') {
        let v = arg.value();
        if (arg.peek() === 'more') v += ` ${arg.take()}`;
        options.push([name, v]);
      } else if (name === '--opt') options.push([name, arg.value()]);
      else return false;
      return true;
    },
    (w) => operands.push(w),
  );
  return { options, operands };
}

test('options with and without =, operands, - and --', () => {
  assert.deepEqual(read(['a', '--opt', 'x', '--opt=y=z', '-', '--flag', '--', '--opt', 'b']), {
    options: [['--opt', 'x'], ['--opt', 'y=z'], ['--flag', undefined]],
    operands: ['a', '-', '--opt', 'b'],
  });
});

test('a value may take one more word, but not after =', () => {
  assert.deepEqual(read(['--pair', 'one', 'more', 'x']).options, [['--pair', 'one more']]);
  assert.deepEqual(read(['--pair=one', 'more']), { options: [['--pair', 'one']], operands: ['more'] });
});

test('usage errors: unknown option, missing value, a value outside the choices', () => {
  assert.throws(() => read(['--nope']), (e: unknown) => e instanceof UsageError && e.message === 'unknown option --nope');
  assert.throws(() => read(['--opt']), (e: unknown) => e instanceof UsageError && e.message === '--opt needs a value');
  assert.equal(oneOf('--format', 'json', ['text', 'json']), 'json');
  assert.throws(() => oneOf('--format', 'xml', ['text', 'json', 'sarif']), /^UsageError: --format must be text, json or sarif, not 'xml'$|--format must be text, json or sarif, not 'xml'/);
});

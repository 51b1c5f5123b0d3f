import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SimpleCommand } from '../../src/shell/index.js';
import { commandName, commandsNamed, effectiveCommand, invocation, parseOptions, programFamily, subcommand } from '../../src/shell/index.js';
import { clean, only, show, text } from './helpers.js';

const command = (source: string): SimpleCommand => only(clean(source));

describe('commandName', () => {
  const cases: readonly (readonly [string, string | null])[] = [
    ['apt-get update', 'apt-get'],
    ['/usr/bin/apt-get update', 'apt-get'],
    ['"/usr/local/bin/pip" install', 'pip'],
    ['./configure', 'configure'],
    ['$PIP install', null],
    ['"$(which pip)" install', null],
    ['X=1', null],
  ];
  for (const [source, name] of cases) it(`${source} → ${name}`, () => assert.equal(commandName(clean(source).commands[0] as SimpleCommand), name));
});

describe('effectiveCommand', () => {
  const cases: readonly (readonly [string, string | null, readonly string[], readonly string[]])[] = [
    // command, effective name, its args, wrappers
    ['apt-get install -y x', 'apt-get', ['install', '-y', 'x'], []],
    ['sudo apt-get install x', 'apt-get', ['install', 'x'], ['sudo']],
    ['sudo -E -u root -- apt-get update', 'apt-get', ['update'], ['sudo']],
    ['sudo -l', 'sudo', ['-l'], []],
    ['env -i PATH=/bin HOME=/ pip install x', 'pip', ['install', 'x'], ['env']],
    ['env', null, [], ['env']],
    ['command -v pip', 'command', ['-v', 'pip'], []],
    ['command pip install x', 'pip', ['install', 'x'], ['command']],
    ['exec gunicorn app:app', 'gunicorn', ['app:app'], ['exec']],
    ['exec -a name gunicorn', 'gunicorn', [], ['exec']],
    ['nohup python app.py', 'python', ['app.py'], ['nohup']],
    ['nice -n 10 make', 'make', [], ['nice']],
    ['nice -10 make', 'make', [], ['nice']],
    ['/usr/bin/time -v -o /tmp/t make', 'make', [], ['time']],
    ['timeout -s KILL 10 curl -f x', 'curl', ['-f', 'x'], ['timeout']],
    ['xargs -r -I {} rm -f {}', 'rm', ['-f', '{}'], ['xargs']],
    ['gosu app python app.py', 'python', ['app.py'], ['gosu']],
    ['sudo -u app env A=1 nohup python x', 'python', ['x'], ['sudo', 'env', 'nohup']],
    ['sudo $CMD', '<$CMD>', [], ['sudo']],
  ];
  for (const [source, name, args, wrappers] of cases) {
    it(source, () => {
      const view = effectiveCommand(command(source));
      assert.equal(show(view.name), name);
      assert.deepEqual(
        view.args.map((a) => show(a)),
        args,
      );
      assert.deepEqual(
        view.wrappers.map((w) => w.name),
        wrappers,
      );
      assert.deepEqual(view.args, view.command.args.slice(view.argsIndex));
    });
  }

  it('keeps the assignments given to env', () => {
    assert.deepEqual(
      effectiveCommand(command('env A=1 B=2 cmd')).assignments.map((a) => a.value),
      ['A=1', 'B=2'],
    );
  });
});

describe('parseOptions', () => {
  const args = (source: string) => command(`cmd ${source}`).args;

  it('splits combined short options and finds values', () => {
    const parsed = parseOptions(args('-yq -o Dpkg::Options::=--force-confold -tbookworm install x y'), { short: 'ot' });
    assert.deepEqual(
      parsed.options.map((o) => [o.name, o.value]),
      [
        ['y', null],
        ['q', null],
        ['o', 'Dpkg::Options::=--force-confold'],
        ['t', 'bookworm'],
      ],
    );
    assert.deepEqual(
      parsed.positionals.map((p) => p.value),
      ['install', 'x', 'y'],
    );
    assert.deepEqual(parsed.positionalIndexes, [4, 5, 6]);
  });

  it('reads long options with = or a separate value, and stops at --', () => {
    const parsed = parseOptions(args('--no-cache-dir --index-url https://x -r requirements.txt --target=/opt -- -not-an-option'), { short: 'r', long: ['index-url'] });
    assert.deepEqual(
      parsed.options.map((o) => [o.name, o.flag, o.value]),
      [
        ['no-cache-dir', '--no-cache-dir', null],
        ['index-url', '--index-url', 'https://x'],
        ['r', '-r', 'requirements.txt'],
        ['target', '--target', '/opt'],
      ],
    );
    assert.deepEqual(
      parsed.positionals.map((p) => p.value),
      ['-not-an-option'],
    );
    assert.equal(parsed.terminator?.value, '--');
    assert.equal(parsed.get('index-url')?.valueWord?.value, 'https://x');
  });

  it('answers has/get/all with or without dashes, through aliases', () => {
    const spec = { aliases: { y: 'yes', 'assume-yes': 'yes' } };
    for (const source of ['-y', '--yes', '--assume-yes', '-qy']) {
      const parsed = parseOptions(args(source), spec);
      assert.ok(parsed.has('yes') && parsed.has('-y') && parsed.has('--assume-yes'), source);
    }
    const parsed = parseOptions(args('-v -v --verbose'), { aliases: { v: 'verbose' } });
    assert.equal(parsed.all('verbose').length, 3);
    assert.equal(parsed.get('v')?.flag, '--verbose');
  });

  it("gives each option's word and its own span", () => {
    const script = clean('apt-get install -qy --no-install-recommends curl');
    const parsed = parseOptions(script.commands[0]?.args ?? []);
    assert.deepEqual(
      parsed.options.map((o) => [o.name, text(script, o.span), o.index]),
      [
        ['q', 'q', 1],
        ['y', 'y', 1],
        ['no-install-recommends', '--no-install-recommends', 2],
      ],
    );
  });

  it('treats expansions as positionals and can stop at the first positional', () => {
    const parsed = parseOptions(args('$FLAGS -x'));
    assert.deepEqual(
      parsed.positionals.map((p) => p.raw),
      ['$FLAGS'],
    );
    assert.equal(parseOptions(args('run -x'), { stopAtPositional: true }).has('x'), false);
  });
});

describe('subcommands and invocations', () => {
  it('finds the subcommand after options that take values', () => {
    const apt = { short: 'oct' };
    assert.equal(subcommand(command('apt-get -y install x'), apt)?.name, 'install');
    const sub = subcommand(command('apt-get -o Acquire::Retries=3 -q install -y x'), apt);
    assert.equal(sub?.name, 'install');
    assert.deepEqual(
      sub?.args.map((a) => a.value),
      ['-y', 'x'],
    );
    assert.equal(subcommand(command('apt-get -y')), null);
    assert.equal(subcommand(effectiveCommand(command('sudo pip install x')))?.name, 'install');
  });

  it('sees pip behind python -m and version suffixes', () => {
    const cases: readonly (readonly [string, string, string, string])[] = [
      ['pip install x', 'pip', 'command', 'install x'],
      ['pip3.12 install x', 'pip', 'command', 'install x'],
      ['python3 -m pip install x', 'pip', 'python-module', 'install x'],
      ['python -u -m pip install x', 'pip', 'python-module', 'install x'],
      ['/opt/venv/bin/python3.11 -mpip install x', 'pip', 'python-module', 'install x'],
      ['sudo python3 -m venv /opt/venv', 'venv', 'python-module', '/opt/venv'],
      ['python3 app.py', 'python', 'command', 'app.py'],
      ['uv pip install x', 'uv', 'command', 'pip install x'],
    ];
    for (const [source, program, via, rest] of cases) {
      const inv = invocation(command(source));
      assert.deepEqual([inv?.program, inv?.via, inv?.args.map((a) => a.value).join(' ')], [program, via, rest], source);
    }
    assert.equal(programFamily('md5'), 'md5');
    assert.equal(programFamily('easy_install-3.8'), 'easy_install');
  });

  it('lists commands by effective name, including those in strings and substitutions', () => {
    const script = clean("apt-get update && sudo apt-get install -y curl && sh -c 'apt-get clean' && echo $(apt-cache policy x)");
    assert.deepEqual(
      commandsNamed(script, 'apt-get').map((v) => v.args[0]?.value),
      ['update', 'install', 'clean'],
    );
    assert.deepEqual(
      commandsNamed(script, ['apt-get', 'apt-cache']).map((v) => v.command.index),
      [0, 1, 3, 5],
    );
  });

  it('answers "is there a cleanup after this install in the same script"', () => {
    const script = clean('apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*');
    const [install] = commandsNamed(script, 'apt-get').filter((v) => subcommand(v)?.name === 'install');
    const cleanup = commandsNamed(script, 'rm').find(
      (v) => v.command.index > (install?.command.index ?? Infinity) && v.args.some((a) => a.value === '/var/lib/apt/lists/*'),
    );
    assert.ok(cleanup);
  });
});

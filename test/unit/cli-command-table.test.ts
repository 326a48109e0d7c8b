import { describe, expect, it } from 'vitest';
import { FLAGS, isGlobalFlag, parseCliArgs } from '../../src/cli/args';
import type { FlagName } from '../../src/cli/args';
import { COMMANDS, findCommand } from '../../src/cli/command-table';
import { CliError, EXIT } from '../../src/cli/errors';
import { commandHelp, overviewHelp } from '../../src/cli/help';

const ALL_FLAGS = Object.keys(FLAGS) as FlagName[];

describe('the command table drives parsing and help', () => {
  it('lists every command in --help, with each of its flags', () => {
    const help = overviewHelp();
    for (const command of COMMANDS) {
      expect(help).toMatch(new RegExp(`^  ${command.name}\\b`, 'm'));
      // resolve names its flags in its usage line; the others in the rows under it.
      for (const flag of command.flags) expect(help, `${command.name} --${flag}`).toContain(`--${flag}`);
    }
  });

  it("explains every flag a command takes in that command's help, and no other command's", () => {
    for (const command of COMMANDS) {
      const help = commandHelp(command);
      for (const flag of ALL_FLAGS.filter((f) => !isGlobalFlag(f))) {
        const line = new RegExp(`^  --${flag}\\b`, 'm');
        if (command.flags.includes(flag)) expect(help, `${command.name} --${flag}`).toMatch(line);
        else expect(help, `${command.name} --${flag}`).not.toMatch(line);
      }
    }
  });

  it('declares each command once, and every flag is global or taken by a command', () => {
    const names = COMMANDS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const flag of ALL_FLAGS) {
      if (!isGlobalFlag(flag))
        expect(
          COMMANDS.some((c) => c.flags.includes(flag)),
          flag,
        ).toBe(true);
    }
    expect(findCommand('frobnicate')).toBeUndefined();
  });

  it('parses global flags before or after the command, and refuses unknown ones as usage (exit 2)', () => {
    expect(parseCliArgs(['--json', 'search', 'a', 'b', '--limit', '5'])).toEqual({
      command: 'search',
      positionals: ['a', 'b'],
      options: { json: true, limit: '5' },
    });
    expect(parseCliArgs(['export', '-o', 'f.csv', '--data-dir', 'd']).options).toEqual({
      out: 'f.csv',
      'data-dir': 'd',
    });
    let thrown: unknown;
    try {
      parseCliArgs(['sync', '--frobnicate']);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CliError);
    expect((thrown as CliError).exitCode).toBe(EXIT.usage);
    expect((thrown as CliError).message).toContain("Run 'sdesk --help' for usage.");
  });
});

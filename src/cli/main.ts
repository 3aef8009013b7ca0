import { Command } from 'commander';
import { registerCalendarCommand } from './commands/calendar-command.ts';
import { registerCharterCommand } from './commands/charter-command.ts';
import { registerMinutesCommand } from './commands/minutes-command.ts';
import { registerServeCommand } from './commands/serve-command.ts';
import { registerUserCommand } from './commands/user-command.ts';
import { registerAuditCommand } from './commands/audit-command.ts';
import { registerBackupCommand } from './commands/backup-command.ts';
import { registerDataCommand } from './commands/data-command.ts';

/**
 * Builds the `lianxi` command line. Each command module registers itself on the program and
 * calls services, never SQL.
 */
export function buildProgram(): Command {
  const program = new Command();
  program
    .name('lianxi')
    .description('Lianxi 联席 — 议事协调机构运行系统 / runs coordination bodies by their founding documents')
    .showHelpAfterError();
  registerCalendarCommand(program);
  registerCharterCommand(program);
  registerServeCommand(program);
  registerUserCommand(program);
  registerAuditCommand(program);
  registerBackupCommand(program);
  registerDataCommand(program);
  registerMinutesCommand(program);
  return program;
}

/** Runs the CLI with the given argv (process.argv shape). */
export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  await program.parseAsync(argv);
}

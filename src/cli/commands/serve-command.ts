/** `lianxi serve [--no-examples]`: runs the start sequence and serves until SIGTERM. */
import type { Command } from 'commander';
import { loadConfig } from '../../config/config.ts';
import { createLogger } from '../../server/logger.ts';
import { closeOnSignals, startServer } from '../../start/start.ts';
import { runAction } from './command-support.ts';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('启动服务（首次启动创建数据库、三个管理员并导入示例机构）/ start the server')
    .option('--no-examples', '不导入示例议事协调机构 / do not seed the example bodies')
    .option('-p, --port <port>', '端口（默认 PORT 或 3000）')
    .option('--host <host>', '监听地址（默认 HOST 或 0.0.0.0）')
    .action(
      runAction(async (options: { examples: boolean; port?: string; host?: string }) => {
        const env = { ...process.env };
        if (options.port !== undefined) env.PORT = options.port;
        if (options.host !== undefined) env.HOST = options.host;
        const config = loadConfig(env);
        const logger = createLogger(config);
        const server = await startServer({ config, logger, examples: options.examples });
        closeOnSignals(server, logger);
      }),
    );
}

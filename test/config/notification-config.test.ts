import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.ts';

describe('notification and sweep configuration', () => {
  it('has no SMTP and sweeps every minute by default', () => {
    const config = loadConfig({});
    expect(config.smtp).toBeNull();
    expect(config.sweep).toEqual({ enabled: true, intervalSeconds: 60, auditVerifyIntervalSeconds: 3600, maxAttempts: 8, backoffSeconds: 30 });
  });

  it('reads the SMTP server and sweep settings', () => {
    const config = loadConfig({
      LIANXI_SMTP_HOST: 'smtp.example.test',
      LIANXI_SMTP_PORT: '465',
      LIANXI_SMTP_SECURE: 'true',
      LIANXI_SMTP_FROM: '办公室 <office@example.test>',
      LIANXI_SMTP_USER: 'office',
      LIANXI_SMTP_PASSWORD: 'secret',
      LIANXI_SWEEP_ENABLED: 'false',
      LIANXI_SWEEP_INTERVAL_SECONDS: '15',
    });
    expect(config.smtp).toEqual({ host: 'smtp.example.test', port: 465, secure: true, from: '办公室 <office@example.test>', auth: { user: 'office', password: 'secret' } });
    expect(config.sweep).toMatchObject({ enabled: false, intervalSeconds: 15 });
  });

  it('fails fast naming the variable', () => {
    const variables = (env: NodeJS.ProcessEnv) => {
      try {
        loadConfig(env);
      } catch (error) {
        if (error instanceof ConfigError) return error.variables;
        throw error;
      }
      return [];
    };
    expect(variables({ LIANXI_SMTP_HOST: 'smtp.example.test' })).toEqual(['LIANXI_SMTP_FROM']);
    expect(variables({ LIANXI_SMTP_HOST: 'h', LIANXI_SMTP_FROM: 'not an address' })).toEqual(['LIANXI_SMTP_FROM']);
    expect(variables({ LIANXI_SMTP_PORT: 'x' })).toEqual(['LIANXI_SMTP_PORT']);
    expect(variables({ LIANXI_SWEEP_INTERVAL_SECONDS: '0' })).toEqual(['LIANXI_SWEEP_INTERVAL_SECONDS']);
    expect(variables({ LIANXI_SMTP_USER: 'only-user' })).toEqual(['LIANXI_SMTP_PASSWORD']);
  });
});

import { ConfigError, loadEnv } from './config/env';
import { createConsoleServer } from './http/console-server';
import { createLogger } from './http/logger';
import { BODY_GRACE_MS, watchConnections } from './http/stalled-sockets';
import { systemClock } from './lib/clock';
import { composeConsole } from './runtime/compose';

/** Hard stop if a graceful shutdown has not finished in this time. */
const SHUTDOWN_DEADLINE_MS = 10_000;

async function main(): Promise<void> {
  const env = loadEnv();
  const logger = createLogger(env.LOG_LEVEL);
  const console_ = await composeConsole(env, logger, systemClock);
  const { upstream } = console_;
  if (upstream.sandbox) {
    logger.info(
      { sandbox: upstream.sandbox.url },
      'no WECHATPAY_MCHID: running on the embedded WeChat Pay sandbox',
    );
  }
  const server = createConsoleServer(console_.app, {
    headersTimeoutMs: env.HTTP_HEADERS_TIMEOUT_MS,
    requestTimeoutMs: env.HTTP_REQUEST_TIMEOUT_MS,
    keepAliveTimeoutMs: env.HTTP_KEEP_ALIVE_TIMEOUT_MS,
    maxConnections: env.HTTP_MAX_CONNECTIONS,
  });
  server.listen(env.PORT, env.HOST, () => {
    const url = `http://${env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST}:${env.PORT}`;
    logger.info({ url, mode: upstream.mode }, 'console listening');
    console.log(`Coupon Coverage Console (${upstream.mode}) at ${url}`);
    // Printed, never logged, and only to a terminal: the log may be shipped elsewhere, and so
    // may stdout when it is not a terminal (the sign-in page shows the password in sandbox mode).
    if (console_.demoLogin) {
      const { username, password } = console_.demoLogin;
      console.log(
        process.stdout.isTTY
          ? `Sandbox sign-in: ${username} / ${password}`
          : `Sandbox sign-in: ${username} (the sign-in page shows the password)`,
      );
    }
  });
  const connections = watchConnections(server);
  server.on('error', (error) => {
    logger.fatal({ err: error }, 'cannot listen');
    process.exit(1);
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    setTimeout(() => process.exit(1), SHUTDOWN_DEADLINE_MS).unref();
    // Stop accepting; requests in flight finish against a live sandbox and database, which close
    // only once the last answer is out. Running scans stop at once (state interrupted), ending
    // their event streams; idle keep-alive sockets are closed as soon as their answer is sent.
    // A socket still sending headers or a body BODY_GRACE_MS after the signal is stalled (a slow
    // or hostile client): it is closed, so it cannot hold the process to the deadline.
    server.close(async () => {
      await console_.close();
      process.exit(0);
    });
    void console_.interruptScans().finally(() => server.closeIdleConnections());
    const graceEnds = Date.now() + BODY_GRACE_MS;
    setInterval(() => {
      server.closeIdleConnections();
      if (Date.now() >= graceEnds) connections.closeStalled();
    }, 100).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('The console failed to start:', error);
  }
  process.exit(1);
});

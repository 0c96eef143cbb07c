/** `npm start`: the whole product on this machine, data kept in .data/ across restarts. */
import { startLocal } from './runtime';

const port = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0 || value > 65535) throw new Error(`${name} must be a port number`);
  return value;
};

const runtime = await startLocal({
  dataDir: process.env.DATA_DIR ?? '.data',
  ports: {
    http: port('PORT', 3000),
    mailbox: port('MAILBOX_PORT', 8005),
    sfn: port('SFN_PORT', 8083),
    dynamodb: port('DYNAMODB_PORT', 8000),
    s3: port('S3_PORT', 4568),
    scheduler: port('SCHEDULER_PORT', 8084),
  },
});

const line = '─'.repeat(64);
console.log(`${line}
 Alliantiecyclus draait lokaal / running locally
${line}
 Start here (pages + API) ${runtime.urls.app}
 Console (programme office) ${runtime.urls.app}/console   (access code: the office token below)
 Mailbox (sent email)     ${runtime.urls.mailboxPage}
 SES endpoint             ${runtime.urls.mailbox}   (JSON: ${runtime.urls.mailbox}/store)
 Step Functions endpoint  ${runtime.urls.sfn}
 DynamoDB endpoint        ${runtime.urls.dynamodb}
 S3 endpoint (documents)  ${runtime.urls.s3}   (bucket alliance-cycle-documents)
 Local clock              ${runtime.urls.app}/local/clock
 Office API token         ${runtime.officeToken}
   curl -H "Authorization: Bearer ${runtime.officeToken}" ${runtime.urls.app}/api/rounds
 Data                     ${process.env.DATA_DIR ?? '.data'}/  (delete it to start afresh)
${line}
 Stop with Ctrl+C; \`npm start\` again continues where it stopped.`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    await runtime.stop();
    process.exit(0);
  });
}

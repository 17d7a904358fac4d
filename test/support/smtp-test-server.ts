/**
 * A real SMTP server in the test process (smtp-server on 127.0.0.1, a free port) that parses what
 * arrives with mailparser. `reject` makes it refuse every message with a 550 until turned off;
 * `credentials` makes it require AUTH with that user and password.
 */
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { freePort } from './free-port.ts';

export interface SmtpTestServer {
  port: number;
  received: ParsedMail[];
  /** The envelope recipients (RCPT TO) of each message received, in order. */
  envelopes: string[][];
  reject: boolean;
  close(): Promise<void>;
}

export async function startSmtpTestServer(options: { credentials?: { username: string; password: string } } = {}): Promise<SmtpTestServer> {
  const port = await freePort();
  const state: SmtpTestServer = { port, received: [], envelopes: [], reject: false, close: async () => undefined };
  const server = new SMTPServer({
    disabledCommands: options.credentials ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !options.credentials,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      const expected = options.credentials;
      if (expected && auth.username === expected.username && auth.password === expected.password) callback(null, { user: auth.username });
      else callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onData(stream, session, callback) {
      if (state.reject) {
        stream.resume();
        stream.on('end', () => callback(Object.assign(new Error('Mailbox unavailable: test server refuses'), { responseCode: 550 })));
        return;
      }
      simpleParser(stream).then((mail) => {
        state.received.push(mail);
        state.envelopes.push(session.envelope.rcptTo.map((recipient) => recipient.address));
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}

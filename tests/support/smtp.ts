import type { AddressInfo } from "node:net";
import { simpleParser, type AddressObject } from "mailparser";
import { SMTPServer } from "smtp-server";

/** A message as the in-process SMTP server received it. */
export interface ReceivedMail {
  /** The envelope recipients (RCPT TO): where the message really went. */
  to: string[];
  /** The From header as `Name <address>`, e.g. `Stafettlogg <ikke-svar@stafettlogg.invalid>`. */
  from: string;
  subject: string;
  text: string;
  html: string;
  /** The message's calendar parts (text/calendar: a meeting's invitation, change or cancellation), as text. */
  calendars: string[];
  /** The user the client signed in as, when the server asked for credentials. */
  user?: string;
}

export interface RunningSmtpServer {
  port: number;
  messages: ReceivedMail[];
  /** The first mail (from message number `from` on) that matches; waits for it to arrive. */
  waitForMail(predicate: (m: ReceivedMail) => boolean, timeoutMs?: number, from?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

/** `Name <address>` for each address, unquoted, so tests can compare with MAIL_FROM. */
function addressText(value: AddressObject | AddressObject[] | undefined) {
  if (!value) return "";
  return (Array.isArray(value) ? value : [value])
    .flatMap((a) => a.value)
    .map((a) => (a.name ? `${a.name} <${a.address ?? ""}>` : (a.address ?? "")))
    .join(", ");
}

/**
 * A real SMTP server on 127.0.0.1 (a free port picked by the system) that keeps what
 * arrives: the tests read e-mail from it instead of mocking the mailer. Plain text without
 * STARTTLS is fine on the loopback. With `credentials`, it demands exactly those; `port`
 * listens on a given port (a test that starts the server late, after mail failed).
 */
export async function startSmtpServer(
  options: { credentials?: { user: string; pass: string }; port?: number } = {},
): Promise<RunningSmtpServer> {
  const messages: ReceivedMail[] = [];
  const waiters = new Set<(m: ReceivedMail) => void>();
  const { credentials } = options;

  const server = new SMTPServer({
    secure: false,
    disabledCommands: credentials ? ["STARTTLS"] : ["STARTTLS", "AUTH"],
    authOptional: !credentials,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (credentials && auth.username === credentials.user && auth.password === credentials.pass) {
        callback(null, { user: auth.username });
      } else {
        callback(new Error("Invalid username or password"));
      }
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (parsed) => {
          const mail: ReceivedMail = {
            to: session.envelope.rcptTo.map((a) => a.address),
            from: addressText(parsed.from),
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : "",
            calendars: parsed.attachments.filter((a) => a.contentType.startsWith("text/calendar")).map((a) => a.content.toString("utf8")),
            user: typeof session.user === "string" ? session.user : undefined,
          };
          messages.push(mail);
          for (const waiter of waiters) waiter(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });

  await new Promise<void>((ready, fail) => {
    server.server.once("error", fail);
    server.listen(options.port ?? 0, "127.0.0.1", () => ready());
  });
  const port = (server.server.address() as AddressInfo).port;

  return {
    port,
    messages,
    waitForMail(predicate, timeoutMs = 5_000, from = 0) {
      const found = messages.slice(from).find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolveMail, reject) => {
        const waiter = (mail: ReceivedMail) => {
          if (!predicate(mail)) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolveMail(mail);
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`no matching mail arrived within ${timeoutMs} ms (${messages.length} received)`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    close: () => new Promise<void>((closed) => server.close(() => closed())),
  };
}

/** The six-digit one-time code in a mail's text. */
export function codeFrom(mail: Pick<ReceivedMail, "text">): string {
  const match = /\b(\d{6})\b/.exec(mail.text);
  if (!match) throw new Error("the mail contains no six-digit code");
  return match[1]!;
}

/** The settings that send the app's mail to this test server (loopback: no STARTTLS). */
export function smtpSettings(smtp: Pick<RunningSmtpServer, "port">): Record<string, string> {
  return { MAIL_TRANSPORT: "smtp", SMTP_HOST: "127.0.0.1", SMTP_PORT: String(smtp.port), SMTP_REQUIRE_TLS: "false" };
}

import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import nodemailer from "nodemailer";
import { settings, type Settings } from "../../config.server";

/**
 * Outgoing e-mail. The demo default (MAIL_TRANSPORT=folder) writes each message as an
 * .eml file into MAIL_FOLDER, so `npm start` needs no mail server; MAIL_TRANSPORT=smtp
 * sends through the configured server. Mails never carry personal data about a child:
 * they say there is something to look at and link to it (see messages.server.ts).
 */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /**
   * The Message-ID, for mail from the outbox: the same row always gets the same id, so in
   * the rare case a mail is sent again after a crash, mail systems see it is the same one.
   */
  messageId?: string;
  /** An iCalendar part (a meeting's invitation, change or cancellation). */
  calendar?: { method: "REQUEST" | "CANCEL"; content: string };
}

/**
 * The base URL for links in e-mails, without a trailing slash: PUBLIC_URL, which the demo
 * defaults to http://localhost:PORT and production must set (see config.server.ts). Never
 * the request's address: its Host header is chosen by whoever sends the request, and a
 * mail linking to evil.example is a phishing mail with our name on it.
 */
export function publicBaseUrl(settings: Pick<Settings, "PUBLIC_URL">): string {
  return settings.PUBLIC_URL;
}

type Sender = (message: MailMessage, from: string) => Promise<void>;

/** Options common to both transports: strings only, and one recipient per message. */
const hardening = { disableFileAccess: true, disableUrlAccess: true, maxRecipients: 1 } as const;

function folderSender(folder: string): Sender {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows", ...hardening });
  return async (message, from) => {
    const info = await transport.sendMail(envelope(message, from));
    await mkdir(folder, { recursive: true, mode: 0o700 });
    const stamp = new Date().toISOString().replace(/\.\d+Z$/, "Z").replace(/[-:]/g, "");
    const path = join(folder, `${stamp}-${randomBytes(3).toString("hex")}.eml`);
    // Sign-in codes are in these files: readable by the server's user only.
    await writeFile(path, info.message as Buffer, { flag: "wx", mode: 0o600 });
    // Only where: the recipient, subject and body stay out of the console.
    console.log(`Mail written to ${path}`);
  };
}

function smtpSender(s: Settings): Sender {
  if (!s.SMTP_HOST) throw new Error("SMTP_HOST is not set");
  const transport = nodemailer.createTransport({
    host: s.SMTP_HOST,
    port: s.SMTP_PORT,
    secure: s.SMTP_SECURE,
    requireTLS: s.SMTP_REQUIRE_TLS,
    auth: s.SMTP_USER && s.SMTP_PASSWORD ? { user: s.SMTP_USER, pass: s.SMTP_PASSWORD } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    ...hardening,
  });
  return async (message, from) => {
    await transport.sendMail(envelope(message, from));
  };
}

function envelope(message: MailMessage, from: string) {
  return {
    from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    messageId: message.messageId,
    // As a text/calendar alternative and an attachment, the way calendar clients expect it.
    icalEvent: message.calendar ? { method: message.calendar.method, filename: "invitation.ics", content: message.calendar.content } : undefined,
    // RFC 3834: tells auto-responders not to answer.
    headers: { "Auto-Submitted": "auto-generated" },
  };
}

/** One sender per settings object: a test that resets the settings gets a new one. */
let cache: { settings: Settings; send: Sender } | undefined;

function sender(s: Settings): Sender {
  if (cache?.settings !== s) {
    cache = { settings: s, send: s.MAIL_TRANSPORT === "smtp" ? smtpSender(s) : folderSender(s.MAIL_FOLDER) };
  }
  return cache.send;
}

/**
 * Send one message to one address. Throws a plain Error whose message names neither the
 * address nor the content (the transport's own error may quote the address, so it is not
 * kept as the cause); callers decide whether a failure matters.
 */
export async function sendMail(message: MailMessage): Promise<void> {
  const s = settings();
  try {
    await sender(s)(message, s.MAIL_FROM);
  } catch (error) {
    const { code, responseCode } = (error ?? {}) as { code?: unknown; responseCode?: unknown };
    const detail = [typeof code === "string" ? code : "unknown", typeof responseCode === "number" ? `SMTP ${responseCode}` : ""]
      .filter(Boolean)
      .join(", ");
    const where = s.MAIL_TRANSPORT === "smtp" ? `through ${s.SMTP_HOST}:${s.SMTP_PORT}` : `to ${s.MAIL_FOLDER}`;
    throw new Error(`Mail could not be sent ${where} (${detail})`);
  }
}

import { mailEn } from "../../i18n/en/mail";
import { mailNb, type MailDictionary } from "../../i18n/nb/mail";
import type { Locale, MailKind } from "../../lib/enums";
import type { MailMessage } from "./mailer.server";

/**
 * The e-mails Stafettlogg sends, in bokmål and English, as plain text and minimal HTML.
 * They take only a code or a link: no child, family or service is ever named in a mail,
 * and the functions have no parameter through which one could be.
 */
export type MailContent = Omit<MailMessage, "to">;

const dictionaries: Record<Locale, MailDictionary> = { nb: mailNb, en: mailEn };

type Paragraph = { text: string; values?: Record<string, string>; strong?: boolean } | { link: string };

const escapeHtml = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

function fill(template: string, values: Record<string, string>, wrap: (value: string) => string = (v) => v) {
  return template.replace(/{{(\w+)}}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`Mail text placeholder without a value: ${name}`);
    return wrap(value);
  });
}

function httpUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error("A link in an e-mail must be an absolute http(s) URL");
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new Error("A link in an e-mail must be an absolute http(s) URL");
  }
  return url;
}

function compose(locale: Locale, subject: string, paragraphs: Paragraph[]): MailContent {
  const d = dictionaries[locale];
  const all: Paragraph[] = [...paragraphs, { text: d.footer }];
  const text = all.map((p) => ("link" in p ? p.link : fill(p.text, p.values ?? {}))).join("\n\n");
  const body = all
    .map((p) => {
      if ("link" in p) return `<p><a href="${escapeHtml(p.link)}">${escapeHtml(p.link)}</a></p>`;
      const strong = (v: string) => (p.strong ? `<strong>${escapeHtml(v)}</strong>` : escapeHtml(v));
      return `<p>${fill(escapeHtml(p.text), p.values ?? {}, strong)}</p>`;
    })
    .join("\n");
  const html = [
    "<!DOCTYPE html>",
    `<html lang="${locale}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title></head>`,
    `<body>\n${body}\n</body>`,
    "</html>",
  ].join("\n");
  return { subject, text: `${text}\n`, html };
}

/** The one-time code for signing in; the code is in the body only, never in the subject. */
export function signInCodeMessage(locale: Locale, { code, minutes }: { code: string; minutes: number }): MailContent {
  const d = dictionaries[locale].signInCode;
  return compose(locale, d.subject, [
    { text: d.code, values: { code }, strong: true },
    { text: d.validity, values: { minutes: String(minutes) } },
    { text: d.notYou },
  ]);
}

/** A guardian or young person has been given access to follow a relay log. */
export function familyInvitationMessage(locale: Locale, { signInUrl }: { signInUrl: string }): MailContent {
  const d = dictionaries[locale];
  return compose(locale, d.familyInvitation.subject, [
    { text: d.familyInvitation.access },
    { text: d.familyInvitation.signIn },
    { link: httpUrl(signInUrl) },
    { text: d.privacy },
  ]);
}

/** There is something new to look at (a family asked for closing, and the like). */
export function somethingNewMessage(locale: Locale, { url }: { url: string }): MailContent {
  const d = dictionaries[locale];
  return compose(locale, d.somethingNew.subject, [
    { text: d.somethingNew.news },
    { text: d.somethingNew.signIn },
    { link: httpUrl(url) },
    { text: d.privacy },
  ]);
}

/** A reminder is waiting in the inbox ("Til deg"); what it is about is only in the app. */
export function reminderMessage(locale: Locale, { url }: { url: string }): MailContent {
  const d = dictionaries[locale];
  return compose(locale, d.reminder.subject, [
    { text: d.reminder.news },
    { text: d.reminder.signIn },
    { link: httpUrl(url) },
    { text: d.privacy },
  ]);
}

/**
 * The daily digest: how many reminders of each kind wait, and the link. Counts and kinds
 * only — never a child's, family's or service's name.
 */
export function digestMessage(locale: Locale, { url, counts }: { url: string; counts: Partial<Record<MailKind, number>> }): MailContent {
  const d = dictionaries[locale].digest;
  const lines = (Object.entries(counts) as [MailKind, number][])
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => ({ text: d.line, values: { kind: d.kinds[kind], count: String(n) } }));
  return compose(locale, d.subject, [{ text: d.intro }, ...lines, { text: d.signIn }, { link: httpUrl(url) }, { text: dictionaries[locale].privacy }]);
}

/** The mail texts of a locale (for the calendar entry's title and description). */
export const mailTexts = (locale: Locale) => dictionaries[locale];

/**
 * A meeting's invitation, change, cancellation or day-before reminder: the time and a link,
 * with the calendar entry attached (not for the reminder). Never who it is about.
 */
export function meetingMessage(
  locale: Locale,
  what: "invited" | "changed" | "cancelled" | "tomorrow",
  { url, when, calendar }: { url: string; when: string; calendar?: MailMessage["calendar"] },
): MailContent {
  const d = dictionaries[locale];
  const subject = {
    invited: d.meeting.subject,
    changed: d.meeting.subjectChanged,
    cancelled: d.meeting.subjectCancelled,
    tomorrow: d.meeting.subjectTomorrow,
  }[what];
  const content = compose(locale, subject, [
    { text: d.meeting[what] },
    { text: d.meeting.when, values: { when }, strong: true },
    ...(calendar ? [{ text: d.meeting.calendar }] : []),
    { text: d.meeting.signIn },
    { link: httpUrl(url) },
    { text: d.privacy },
  ]);
  return calendar ? { ...content, calendar } : content;
}

/** To the family: a log they follow has a new relay holder, or is at another level. Nothing more. */
export function familyNoticeMessage(locale: Locale, what: "holder" | "level", { url }: { url: string }): MailContent {
  const d = dictionaries[locale];
  return compose(locale, d.familyNotice.subject, [
    { text: d.familyNotice[what] },
    { text: d.familyNotice.signIn },
    { link: httpUrl(url) },
    { text: d.privacy },
  ]);
}

import type { MailDictionary } from "../nb/mail";

/** English texts for e-mails. */
export const mailEn: MailDictionary = {
  signInCode: {
    subject: "One-time code for Stafettlogg",
    code: "Your one-time code for Stafettlogg is {{code}}.",
    validity: "It is valid for {{minutes}} minutes.",
    notYou: "If you did not ask for a code, you can ignore this e-mail.",
  },
  familyInvitation: {
    subject: "You have been given access in Stafettlogg",
    access: "You have been given access to follow a relay log in Stafettlogg.",
    signIn: "Sign in with this e-mail address here:",
  },
  somethingNew: {
    subject: "Something new in Stafettlogg",
    news: "There is something new for you to look at in Stafettlogg.",
    signIn: "Sign in to see it:",
  },
  reminder: {
    subject: "Reminder from Stafettlogg",
    news: "You have a reminder in Stafettlogg: something is waiting for you.",
    signIn: "Sign in and see \u201cFor you\u201d:",
  },
  digest: {
    subject: "Today's overview from Stafettlogg",
    intro: "This is waiting for you in Stafettlogg:",
    line: "{{kind}}: {{count}}",
    signIn: "Sign in and see \u201cFor you\u201d:",
    kinds: {
      evaluations: "Evaluations",
      invitations: "Invitations without an answer",
      handovers: "Relay handovers without an answer",
      consents: "Consents expiring",
      orphaned: "Logs without a relay holder",
      decisions: "Level-0 concerns to be decided",
      child_voice: "Logs where the child's voice has not been heard",
      meetings: "Meetings tomorrow",
    },
  },
  familyNotice: {
    subject: "News in Stafettlogg",
    holder: "A relay log you follow has a new relay holder – the person now mainly responsible for the follow-up.",
    level: "A relay log you follow has moved to another level.",
    signIn: "Sign in to see what is new:",
  },
  meeting: {
    subject: "Meeting in Stafettlogg",
    subjectChanged: "Changed meeting in Stafettlogg",
    subjectCancelled: "Cancelled meeting in Stafettlogg",
    subjectTomorrow: "Reminder: meeting in Stafettlogg tomorrow",
    invited: "You are invited to a meeting in Stafettlogg.",
    changed: "A meeting you are invited to in Stafettlogg has changed.",
    cancelled: "A meeting you were invited to in Stafettlogg has been cancelled.",
    tomorrow: "You are invited to a meeting in Stafettlogg tomorrow.",
    when: "Time: {{when}}",
    calendar: "The calendar invitation is attached.",
    signIn: "Sign in to see the meeting:",
    calendarTitle: "Meeting in Stafettlogg",
    cancelledTitle: "Cancelled: Meeting in Stafettlogg",
    calendarDescription: "See the meeting in Stafettlogg:",
  },
  privacy: "To protect privacy, this e-mail contains no information about the child.",
  footer: "This e-mail was sent automatically and cannot be answered.",
};

import type { settingsNb } from "../nb/settings";

/** English texts for the person's own settings page. */
export const settingsEn: typeof settingsNb = {
  nav: "Settings",
  title: "Settings",
  mailTitle: "E-mail notices",
  mailIntro: "Choose for each kind whether you want an e-mail at once, one combined e-mail in the morning, or no e-mail. Everything is under \u201cFor you\u201d either way. The e-mails never name children, families or services.",
  save: "Save the settings",
  saved: "The settings have been saved.",
  kinds: {
    evaluations: "Evaluations coming up or overdue",
    invitations: "Invitations not answered by their date",
    handovers: "Relay handovers waiting for an answer",
    consents: "Consents expiring",
    orphaned: "Logs without a relay holder in your service",
    decisions: "Deadlines for level-0 concerns",
    child_voice: "The child's voice not heard within the evaluation interval",
    meetings: "Meetings, the day before",
  },
  choices: { immediately: "At once", daily: "Combined in the morning", off: "No e-mail" },
};

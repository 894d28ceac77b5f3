/**
 * Bokmål texts for e-mails (server-only: kept out of the page dictionaries). A mail never names a
 * child, a family or a service: it says there is something to look at and links to it.
 * app/domain/mail/messages.server.ts puts the paragraphs together and places the link.
 */
export const mailNb = {
  signInCode: {
    subject: "Engangskode til Stafettlogg",
    code: "Din engangskode til Stafettlogg er {{code}}.",
    validity: "Den gjelder i {{minutes}} minutter.",
    notYou: "Har du ikke bedt om en kode, kan du se bort fra denne e-posten.",
  },
  familyInvitation: {
    subject: "Du har fått tilgang i Stafettlogg",
    access: "Du har fått tilgang til å følge en stafettlogg i Stafettlogg.",
    signIn: "Logg inn med denne e-postadressen her:",
  },
  somethingNew: {
    subject: "Nytt i Stafettlogg",
    news: "Det er noe nytt for deg å se på i Stafettlogg.",
    signIn: "Logg inn for å se det:",
  },
  reminder: {
    subject: "Påminnelse fra Stafettlogg",
    news: "Du har en påminnelse i Stafettlogg: noe venter på deg.",
    signIn: "Logg inn og se «Til deg»:",
  },
  digest: {
    subject: "Dagens oversikt fra Stafettlogg",
    intro: "Dette venter på deg i Stafettlogg:",
    line: "{{kind}}: {{count}}",
    signIn: "Logg inn og se «Til deg»:",
    kinds: {
      evaluations: "Evalueringer",
      invitations: "Invitasjoner uten svar",
      handovers: "Stafettoverføringer uten svar",
      consents: "Samtykker som går ut",
      orphaned: "Logger uten stafettholder",
      decisions: "Bekymringer på nivå 0 som skal avgjøres",
      child_voice: "Logger der barnets stemme ikke er hørt",
      meetings: "Møter i morgen",
    },
  },
  familyNotice: {
    subject: "Nytt i Stafettlogg",
    holder: "En stafettlogg du følger, har fått en ny stafettholder – den som nå har hovedansvaret for oppfølgingen.",
    level: "En stafettlogg du følger, er flyttet til et annet nivå.",
    signIn: "Logg inn for å se hva som er nytt:",
  },
  meeting: {
    subject: "Møte i Stafettlogg",
    subjectChanged: "Endret møte i Stafettlogg",
    subjectCancelled: "Avlyst møte i Stafettlogg",
    subjectTomorrow: "Påminnelse: møte i Stafettlogg i morgen",
    invited: "Du er invitert til et møte i Stafettlogg.",
    changed: "Et møte du er invitert til i Stafettlogg, er endret.",
    cancelled: "Et møte du var invitert til i Stafettlogg, er avlyst.",
    tomorrow: "Du er invitert til et møte i Stafettlogg i morgen.",
    when: "Tid: {{when}}",
    calendar: "Kalenderinvitasjonen ligger ved.",
    signIn: "Logg inn for å se møtet:",
    calendarTitle: "Møte i Stafettlogg",
    cancelledTitle: "Avlyst: Møte i Stafettlogg",
    calendarDescription: "Se møtet i Stafettlogg:",
  },
  privacy: "Av hensyn til personvernet står det ingen opplysninger om barnet i denne e-posten.",
  footer: "Denne e-posten er sendt automatisk og kan ikke besvares.",
} as const;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
/** The shape the English texts follow (nb.ts will carry it once the area is merged). */
export type MailDictionary = Widen<typeof mailNb>;

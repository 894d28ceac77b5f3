/** Bokmål texts for the person's own settings page. */
export const settingsNb = {
  nav: "Innstillinger",
  title: "Innstillinger",
  mailTitle: "Varsler på e-post",
  mailIntro: "Velg for hver type om du vil ha e-post med en gang, én samlet e-post om morgenen, eller ingen e-post. Alt står uansett under «Til deg». E-postene nevner aldri barn, familier eller tjenester.",
  save: "Lagre innstillingene",
  saved: "Innstillingene er lagret.",
  kinds: {
    evaluations: "Evalueringer som nærmer seg eller er forsinket",
    invitations: "Invitasjoner som ikke er besvart innen fristen",
    handovers: "Stafettoverføringer som venter på svar",
    consents: "Samtykker som går ut",
    orphaned: "Logger uten stafettholder i tjenesten din",
    decisions: "Frister for bekymringer på nivå 0",
    child_voice: "Barnets stemme ikke hørt innenfor evalueringsintervallet",
    meetings: "Møter dagen før",
  },
  choices: { immediately: "Med en gang", daily: "Samlet om morgenen", off: "Ingen e-post" },
};

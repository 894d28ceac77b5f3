import { DemoLog } from "./log";
import { NURSE, TEACHER } from "./municipality";
import type { World } from "./world";

/**
 * Up to level 2 with the school health service, and back down to 1: absence. When the
 * collaboration ended, the parents withdrew the consent covering the nurse: her
 * participant row and her evaluation stay, but she no longer has access (on purpose).
 */
export function ellaLog(w: World): DemoLog {
  const ella = new DemoLog(w, TEACHER, "school", { name: "Ella Myrvold", age: [10, 203], attends: ["school"] });
  ella.concern(
    150,
    "Ella har hatt elleve dager fravær de siste to månedene, de fleste på mandager. Når hun er på skolen, klager hun ofte over vondt i magen og vil ringe hjem.",
    "Fraværet er registrert i skolens system, og foreldrene melder sykdom. Magevondtene kommer oftest før matematikk og før prøver.",
  );
  ella.observation(
    146,
    "Ella satt på benken utenfor klasserommet og gråt før matteprøven. Hun ble med inn etter at vi hadde snakket sammen, og fikk sitte nær døra.",
  );
  ella.guardian(143, { name: "Hanne Myrvold", relation: "mother", parentalResponsibility: true, told: true });
  ella.guardian(143, { name: "Kristian Myrvold", relation: "father", parentalResponsibility: true, told: true });
  ella.guardianVoice(
    143,
    "meeting",
    "Hanne og Kristian Myrvold",
    "Foreldrene forteller at Ella har vondt i magen nesten hver søndag kveld og gruer seg til skolen. Fastlegen har ikke funnet noe fysisk galt. De er lettet over at skolen tar det opp.",
  );
  ella.becameLog(143, 1);
  ella.consent(143, {
    scope: "keep",
    form: "written",
    purpose: "Stafettlogg for Ella: fravær og magesmerter før prøver, tiltak i skolen",
    givenBy: ["Hanne Myrvold", "Kristian Myrvold"],
  });
  ella.action(140, "morning", {
    description: "Myk start: Ella møter kontaktlærer ved inngangen kl. 08.20 og har en fast oppgave de første ti minuttene",
    goal: "Ella skal komme på skolen hver dag og oppleve en trygg start på dagen",
    responsible: { person: TEACHER },
    evaluate: 98,
  });
  ella.childVoice(
    138,
    "conversation",
    "Ella sier at det verste er prøver, og at hun er redd for å «svare feil foran alle». Hun liker å hjelpe til med å dele ut bøker om morgenen.",
  );
  const ellaNurseConsent = ella.consent(100, {
    scope: "share",
    form: "oral",
    note: "Telefonsamtale med mor og far hver for seg. Begge samtykker til at helsesykepleier har samtaler med Ella om uro og stress, og til at skolen og helsesykepleier samarbeider om tiltakene.",
    purpose: "Samtaler med helsesykepleier om uro og stress, og samarbeid mellom skolen og skolehelsetjenesten",
    givenBy: ["Hanne Myrvold", "Kristian Myrvold"],
    services: ["health"],
  });
  const ellaInvitation = ella.invite(
    100,
    NURSE,
    "health",
    "Foreldrene har samtykket til at du har samtaler med Ella om uro og stress før prøver. Kan du bli med i loggen og på samarbeidsmøtet?",
  );
  ella.answerInvitation(99, ellaInvitation, { accept: true });
  ella.evaluate(98, "morning", {
    whatHappened:
      "Fraværet har gått noe ned, men Ella har fortsatt vondt i magen før prøver og har vært borte fire dager den siste måneden.",
    whatWorked: "Den faste morgenoppgaven: Ella kommer lettere inn i klasserommet.",
    childExperience: "Ella sier at morgenene er bedre, men at hun fortsatt gruer seg til prøver.",
    decision: "change_level",
    newLevel: 2,
    justification:
      "Magesmertene og skolevegringen vedvarer. Med foreldrenes samtykke trekkes helsesykepleier inn for samtaler med Ella om uro og stress.",
    next: 55,
  });
  ella.meeting(
    95,
    "Samarbeidsmøte skole og skolehelsetjeneste",
    "Hanne Myrvold (mor), Siri Haugvik (helsesykepleier), Ingrid Solvik (kontaktlærer)",
    "Helsesykepleier tilbyr Ella samtaler annenhver uke om uro og stress. Skolen varsler prøver en uke i forveien og lar Ella ta prøver på grupperom ved behov. Evaluering om seks uker.",
  );
  ella.action(95, "nurse", {
    description: "Samtaler med helsesykepleier annenhver uke om uro og stress",
    goal: "Ella skal kjenne igjen uro i kroppen og ha noen konkrete måter å håndtere den på",
    responsible: { person: NURSE },
    evaluate: 53,
  });
  ella.action(95, "tests", {
    description: "Prøver varsles en uke i forveien, og Ella kan ta prøver på grupperom",
    goal: "Mindre prøveangst og ikke fravær på prøvedager",
    responsible: { other: "Kontaktlærer og faglærere" },
    evaluate: 53,
  });
  ella.childVoice(
    70,
    "drawing",
    "Ella tegnet «magen når jeg gruer meg» som en storm, og «magen nå» som en sol med noen skyer. Hun sier at pusteøvelsene fra helsesykepleier hjelper «litt mye».",
  );
  ella.evaluate(55, "morning", {
    whatHappened: "Ella har kommet på skolen hver dag de siste to ukene og går rett inn i klasserommet.",
    whatWorked: "Den faste morgenoppgaven.",
    childExperience: "Ella vil fortsatt dele ut bøkene om morgenen.",
    decision: "continue",
    next: -14,
  });
  ella.by(NURSE, (l) =>
    l.evaluate(53, "nurse", {
      whatHappened: "Ella har hatt fem samtaler. Hun bruker pusteøvelser og har selv fortalt foreldrene når hun gruer seg.",
      whatWorked: "Faste samtaler, og at Ella får sette ord på det hun kjenner.",
      childExperience: "Ella sier at hun ikke trenger å snakke med helsesykepleier så ofte lenger.",
      decision: "end",
    }),
  );
  ella.evaluate(53, "tests", {
    whatHappened: "Ella har tatt tre prøver, to av dem på grupperom. Hun har ikke hatt fravær på prøvedager.",
    whatWorked: "Varsel i god tid og muligheten for grupperom.",
    childExperience: "Ella sier at det hjelper å vite om prøvene lenge før.",
    decision: "change_level",
    newLevel: 1,
    justification:
      "Ella har ikke hatt fravær de siste seks ukene, og magesmertene er sjeldne. Samarbeidet med skolehelsetjenesten avsluttes etter avtale med Ella og foreldrene; skolen fortsetter tiltakene i egen tjeneste.",
    next: -20,
  });
  ella.withdraw(
    52,
    ellaNurseConsent,
    "Samarbeidet med skolehelsetjenesten er avsluttet. Foreldrene ønsker ikke lenger at opplysninger om Ella deles med helsesykepleier; Ella kan fortsatt bruke skolehelsetjenestens åpne dør.",
  );
  ella.guardianVoice(
    50,
    "conversation",
    "Hanne Myrvold (mor)",
    "Mor forteller at søndagskveldene er roligere. Ella har begynt på håndball igjen.",
  );
  ella.childVoice(25, "conversation", "Ella sier at skolen er «mye bedre nå». Hun vil fortsatt ha beskjed om prøver i god tid.");

  return ella;
}

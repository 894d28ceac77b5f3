import { DemoLog } from "./log";
import { DEMO_GUARDIAN, NURSE, PPT_ADVISER, TEACHER } from "./municipality";
import type { World } from "./world";

/**
 * Level 2, open: conflicts. Two guardians, only the mother has parental responsibility, so
 * her consent alone is complete. PPT and the school nurse take part; the mother refused a
 * referral to BUP. The child's voice was last heard more than the evaluation interval ago
 * (flagged).
 */
export function noahLog(w: World): DemoLog {
  const noah = new DemoLog(w, TEACHER, "school", { name: "Noah Hagen Eriksen", age: [11, 20], attends: ["school"] });
  noah.concern(
    140,
    "Noah havner ofte i konflikter i friminuttene. Denne uka har han tre ganger blitt så sint at han har kastet ting og løpt fra inspiserende voksen.",
    "Friminutt på ballbanen og i garderoben etter kroppsøving. Konfliktene starter ofte rundt regler i spill. Noah byttet skole for et halvt år siden.",
  );
  noah.observation(
    135,
    "Fulgte Noah i storefri. Han var med på fotball, men da laget hans lå under, anklaget han de andre for juks og sparket ballen over gjerdet. Han roet seg da en voksen gikk bort og snakket rolig med ham.",
  );
  noah.childVoice(
    133,
    "conversation",
    "Noah sier at de andre ikke vil ha ham med, og at de «alltid skylder på meg». Han savner vennene fra den gamle skolen. Han sier at han blir sint «i hele kroppen» og ikke klarer å stoppe.",
  );
  noah.guardian(130, { name: "Line Hagen", relation: "mother", parentalResponsibility: true, told: true });
  noah.guardian(130, { name: "Thomas Eriksen", relation: "father", parentalResponsibility: false, told: true });
  noah.guardianVoice(
    130,
    "meeting",
    "Line Hagen (mor)",
    "Mor forteller at Noah har hatt det tøft etter samlivsbruddet i fjor og flyttingen for et halvt år siden. Han er også mye sint hjemme. Hun ønsker hjelp og samtykker til at skolen tar kontakt med PPT.",
  );
  noah.becameLog(130, 1);
  noah.consent(130, {
    scope: "keep",
    form: "written",
    purpose: "Stafettlogg for Noah: tiltak i skolen mot konflikter i friminuttene",
    givenBy: ["Line Hagen"],
  });
  noah.action(128, "talk", {
    description: "Fast samtale med kontaktlærer hver fredag (15 minutter) om uka som har gått",
    goal: "Noah skal ha en trygg voksen å snakke med og lære å sette ord på sinne",
    responsible: { person: TEACHER },
    evaluate: 44,
  });
  noah.action(128, "recess", {
    description: "Organisert aktivitet med voksen til stede i storefri tre dager i uka",
    goal: "Færre konflikter i friminuttene; Noah skal være med i lek på lik linje med de andre",
    responsible: { other: "Inspiserende lærere på 5. trinn" },
    evaluate: 86,
  });
  noah.consent(88, {
    scope: "share",
    form: "written",
    purpose: "Samarbeid med PPT (observasjon og vurdering av sinne og samspill) og med helsesykepleier (samtaler med Noah)",
    givenBy: ["Line Hagen"],
    services: ["ppt", "health"],
  });
  const pptInvitation = noah.invite(
    88,
    PPT_ADVISER,
    "ppt",
    "Mor har samtykket til samarbeid med PPT. Kan du observere Noah i friminuttene og være med på samarbeidsmøtet?",
  );
  const nurseInvitation = noah.invite(
    88,
    NURSE,
    "health",
    "Mor ønsker at Noah får samtaler med helsesykepleier om søvn og sinne, og har samtykket. Kan du bli med i loggen?",
  );
  noah.answerInvitation(87, pptInvitation, { accept: true });
  noah.answerInvitation(87, nurseInvitation, { accept: true });
  noah.evaluate(86, "recess", {
    whatHappened:
      "Konfliktene i storefri er færre (fra tre–fire i uka til én–to), men det har vært to alvorlige episoder i garderoben der ingen voksen var til stede.",
    whatWorked: "Aktiviteter med faste regler og en voksen som dømmer.",
    childExperience: "Noah sier at friminuttene er bedre nå, men at garderoben er «dritt».",
    decision: "change_level",
    newLevel: 2,
    justification:
      "Tiltakene i egen tjeneste er ikke nok. Vi trenger PPTs vurdering av Noahs sinne og samspill med andre. Mor har samtykket til samarbeid med PPT og helsesykepleier, og begge er med i loggen.",
    next: 44,
  });
  noah.meeting(
    80,
    "Samarbeidsmøte med PPT",
    "Line Hagen (mor), Jonas Brekkestø (PPT), Siri Haugvik (helsesykepleier), Ingrid Solvik (kontaktlærer), Tor Aamodt (rektor)",
    "Gjennomgang av observasjonene så langt. PPT observerer Noah i to skoledager, også i friminuttene. Skolen setter inn voksen i garderoben etter kroppsøving. Mor får tilbud om foreldreveiledning ved familiesenteret. Nytt møte om seks uker.",
  );
  noah.action(80, "changing", {
    description: "Voksen til stede i garderoben før og etter kroppsøving",
    goal: "Ingen konflikter i garderoben",
    responsible: { other: "Faglærer i kroppsøving" },
    evaluate: 38,
  });
  noah.observation(
    70,
    "PPT observerte i dag. Noah var rolig i timene, men ble urolig i overgangen til friminutt. Han kom to ganger til meg for å fortelle om ting som hadde skjedd, i stedet for å gå i konflikt.",
  );
  noah.by(NURSE, (l) =>
    l.note(
      64,
      "Første samtale med Noah. Han legger seg sent fordi han spiller på telefonen, og sier selv at han blir sintest når han er trøtt. Vi har laget en avtale om leggetid som mor har fått. Samtaler annenhver uke fremover.",
    ),
  );
  noah.childVoice(
    w.evaluationIntervalDays + 16,
    "conversation",
    "Noah sier at fredagssamtalene er «greie» og at det er lettere å si ifra før han blir sint. Han ønsker å få sitte sammen med Elias.",
  );
  noah.evaluate(44, "talk", {
    whatHappened:
      "Fredagssamtalene er gjennomført nesten hver uke. Noah bruker «trafikklys»-kortet for å si fra når han kjenner at sinnet kommer.",
    whatWorked: "Fast tid, samme voksen og korte samtaler.",
    childExperience: "Noah har tidligere sagt at samtalene hjelper. Han ble ikke spurt på nytt denne gangen.",
    decision: "continue",
    next: -5,
  });
  noah.evaluate(44, "recess", {
    whatHappened: "Én konflikt i storefri siden forrige evaluering. Noah har fått en fast venn å være med.",
    whatWorked: "Voksenstyrte aktiviteter og faste lag.",
    childExperience: "Ikke spurt denne gangen.",
    decision: "continue",
    next: -9,
  });
  noah.evaluate(38, "changing", {
    whatHappened: "Ingen konflikter i garderoben siden tiltaket startet.",
    whatWorked: "At en voksen er til stede hele tiden.",
    childExperience: "Ikke spurt denne gangen.",
    decision: "continue",
    next: -12,
  });
  noah.guardianVoice(
    30,
    "conversation",
    "Thomas Eriksen (far)",
    "Far ringte skolen. Han har Noah annenhver helg og merker at han er roligere. Han ønsker referat fra møtene. Far er informert om at han ikke har foreldreansvar, men har rett til informasjon om Noahs skolegang.",
  );
  noah.by(PPT_ADVISER, (l) =>
    l.note(
      22,
      "PPT-rapporten er ferdig. Noah strever med å regulere sinne i overganger og i situasjoner uten faste rammer; vi ser ingen tegn til lærevansker. PPT anbefaler fortsatt voksenstøtte i overganger og trening på sosiale ferdigheter i liten gruppe. Om utbruddene ikke avtar i løpet av vinteren, bør en henvisning til BUP drøftes med mor.",
    ),
  );
  noah.note(
    20,
    "Gikk gjennom PPT-rapporten med mor på telefon. Nytt samarbeidsmøte avtales. Husk å snakke med Noah selv før møtet.",
  );
  noah.consent(20, {
    scope: "share",
    decision: "refused",
    form: "oral",
    note: "Telefonsamtale med mor om PPT-rapporten. Mor ønsker ikke at Noah henvises til BUP nå; hun vil først se om tiltakene fra PPT virker, og tar det opp igjen på neste samarbeidsmøte.",
    purpose: "Henvisning til BUP for vurdering av Noahs sinneutbrudd",
    givenBy: ["Line Hagen"],
    services: ["bup"],
  });
  // The mother follows the log herself: the demo's family account (forelder@eksempel.no).
  noah.familyAccess(18, "Line Hagen", DEMO_GUARDIAN);

  return noah;
}

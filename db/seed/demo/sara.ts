import { DemoLog } from "./log";
import { NURSE, TEACHER } from "./municipality";
import type { World } from "./world";

/**
 * Level 1 → 2, open: a parent's illness. The teacher started the log and, once the weekly
 * talks with the school nurse carried most of the work, handed the relay to the nurse; the
 * teacher stays on as a participant (the keep consent covers the school, a sharing consent
 * the health service).
 */
export function saraLog(w: World): DemoLog {
  const sara = new DemoLog(w, TEACHER, "school", { name: "Sara Nguyen", age: [10, 77], attends: ["school"] });
  sara.concern(
    100,
    "Sara har vært borte seks dager den siste måneden. Når hun er på skolen, virker hun sliten og ukonsentrert, og hun ber ofte om å få gå til helsesykepleier fordi hun har vondt i hodet.",
    "Kontaktlærer i 5B. Fraværet er registrert i skolens system. Sara har tidligere vært en stabil elev som sjelden har vært borte.",
  );
  sara.childVoice(
    99,
    "conversation",
    "Sara forteller at far har fått en alvorlig kreftdiagnose og er under behandling. Hun er redd og synes det er vanskelig å konsentrere seg. Hun vil ikke at klassen skal vite det, men vil gjerne snakke mer med helsesykepleier.",
  );
  sara.guardian(96, { name: "Linh Nguyen", relation: "mother", parentalResponsibility: true, told: true });
  sara.guardian(96, {
    name: "Duc Nguyen",
    relation: "father",
    parentalResponsibility: true,
    told: true,
    language: "vietnamesisk",
    interpreterNeeded: true,
  });
  sara.guardianVoice(
    96,
    "conversation",
    "Linh Nguyen (mor)",
    "Mor forteller at familien er i en krevende periode med fars behandling. Hun ønsker at Sara får noen å snakke med, og at skolen tar hensyn i behandlingsukene.",
  );
  sara.becameLog(96, 1);
  sara.consent(96, {
    scope: "keep",
    form: "oral",
    note: "Samtale med mor på skolen og med far på telefon samme dag. Begge samtykker til at skolen fører stafettlogg for Sara og tilrettelegger skoledagen.",
    purpose: "Stafettlogg for Sara: tilrettelagt skolehverdag mens far er under behandling",
    givenBy: ["Linh Nguyen", "Duc Nguyen"],
  });
  sara.action(94, "school", {
    description: "Tilrettelagt skolehverdag: mindre lekser i behandlingsuker og mulighet for pause ved behov",
    goal: "Sara skal kunne være på skolen og holde følge faglig",
    responsible: { person: TEACHER },
    evaluate: 35,
  });
  sara.note(82, "Sara har vært borte fire dager til. Hun sier at det er vanskelig å gå på skolen de dagene far har behandling, og at hun helst vil snakke med helsesykepleier.");
  sara.consent(80, {
    scope: "share",
    form: "written",
    purpose: "Faste samtaler med helsesykepleier, samarbeid mellom skolen og skolehelsetjenesten, og at helsesykepleier kan overta stafetten",
    givenBy: ["Linh Nguyen", "Duc Nguyen"],
    services: ["health"],
  });
  const saraInvitation = sara.invite(
    80,
    NURSE,
    "health",
    "Sara og foreldrene ønsker faste samtaler med deg, og foreldrene har samtykket. Kan du bli med i loggen og på et samarbeidsmøte?",
  );
  sara.answerInvitation(79, saraInvitation, { accept: true });
  sara.changeLevel(
    78,
    2,
    "Fraværet øker, og Sara trenger både tilrettelegging på skolen og faste samtaler med helsesykepleier. Med foreldrenes samtykke er helsesykepleier med i samarbeidet.",
  );
  sara.meeting(
    75,
    "Samarbeidsmøte skolen og skolehelsetjenesten",
    "Sara, Linh Nguyen (mor), Ingrid Solvik (kontaktlærer), Siri Haugvik (helsesykepleier)",
    "Sara får samtaler med helsesykepleier hver uke. Siden det meste av oppfølgingen nå skjer i skolehelsetjenesten, tar helsesykepleier over stafetten; kontaktlærer fortsetter i loggen med tilretteleggingen på skolen. Familien får tilbud om samtalegruppe for barn som pårørende ved sykehuset. Nytt møte om seks uker.",
  );
  const saraHandover = sara.proposeHandover(
    75,
    NURSE,
    "health",
    "Som avtalt i møtet i dag: du har de ukentlige samtalene med Sara og bør være stafettholder. Jeg fortsetter med tilretteleggingen på skolen.",
  );
  sara.acceptHandover(74, saraHandover);
  sara.action(74, "talks", {
    description: "Faste samtaler med helsesykepleier hver uke",
    goal: "Sara skal ha en trygg voksen å snakke med om det som skjer hjemme, og sove bedre",
    responsible: { person: NURSE },
    evaluate: 33,
  });
  sara.by(TEACHER, (l) =>
    l.evaluate(35, "school", {
      whatHappened: "Fraværet er halvert. Sara syns det er vanskelig å vite hvilke lekser som gjelder de ukene far har behandling.",
      whatWorked: "Pause ved behov og en fast kontaktperson.",
      childExperience: "Sara vil gjerne planlegge leksene selv.",
      decision: "adjust",
      adjustment: "Lekseplanen for hele uka legges ut i læringsplattformen på mandag, så Sara kan planlegge selv.",
      next: -9,
    }),
  );
  sara.childVoice(
    34,
    "conversation",
    "Sara sier at samtalene hjelper og at hun sover bedre. Hun synes det er fint at kontaktlæreren vet, men vil fortsatt ikke at klassen skal vite det.",
  );
  sara.evaluate(33, "talks", {
    whatHappened: "Sara har hatt sju samtaler. Hun sover bedre, og hodepinen er sjeldnere.",
    whatWorked: "Fast tid hver uke, og at Sara selv bestemmer hva hun vil snakke om.",
    childExperience: "Sara sier at samtalene er «et sted der jeg ikke trenger å være flink».",
    decision: "continue",
    next: -16,
  });
  sara.guardianVoice(
    20,
    "conversation",
    "Duc Nguyen (far)",
    "Far forteller at behandlingen går etter planen. Han er takknemlig for at Sara har noen å snakke med på skolen.",
  );
  sara.note(10, "Sara har vært på første samling i gruppa for barn som pårørende ved sykehuset.");
  // A collaboration meeting next week, with both parents; the father needs an interpreter.
  sara.planMeeting(2, {
    inDays: 6,
    time: "14:00",
    durationMinutes: 60,
    place: "Møterom 2, helsestasjonen",
    agenda: "1. Hvordan har Sara det nå?\n2. Samtalene og lekseplanen\n3. Veien videre når behandlingen er ferdig",
    staff: [TEACHER],
    guardians: ["Linh Nguyen", "Duc Nguyen"],
  });

  return sara;
}

import { DemoLog } from "./log";
import { NURSE } from "./municipality";
import type { World } from "./world";

/**
 * Level 1 → 2, closed: child welfare has taken over. Synthetic national id.
 */
export function sanderLog(w: World): DemoLog {
  const sander = new DemoLog(w, NURSE, "health", {
    name: "Sander Kvam",
    age: [15, 150],
    syntheticNationalId: true,
    attends: ["school"],
  });
  sander.concern(
    90,
    "Sander har oppsøkt helsesykepleier flere ganger med vondt i magen. Han virker nedstemt, har gått ned i vekt siden helsekontrollen i fjor og sier at det er «mye bråk hjemme».",
    "Samtaler i skolehelsetjenesten, 10. trinn. Kontaktlærer har meldt om mye fravær og at Sander ofte mangler matpakke.",
  );
  sander.childVoice(
    88,
    "conversation",
    "Sander forteller at de voksne hjemme krangler mye og høyt, og at han ofte er alene om kveldene uten middag. Han vil ikke «lage problemer», men sier at det er godt å snakke med noen.",
  );
  sander.observation(85, "Sander kom uten matpakke og spiste to brødskiver fra skolens frokosttilbud. Han virket sliten.");
  sander.guardian(83, { name: "Anita Kvam", relation: "mother", parentalResponsibility: true, told: true });
  sander.guardian(83, { name: "Rune Kvam", relation: "father", parentalResponsibility: true, told: true });
  sander.guardianVoice(
    83,
    "meeting",
    "Anita Kvam (mor)",
    "Mor mener at Sander overdriver, men sier at det har vært en vanskelig periode med dårlig økonomi og mye konflikt. Hun takker ja til at helsesykepleier følger opp Sander.",
  );
  sander.becameLog(83, 1);
  sander.consent(83, {
    scope: "keep",
    form: "written",
    purpose: "Stafettlogg for Sander: oppfølging i skolehelsetjenesten",
    givenBy: ["Anita Kvam", "Rune Kvam"],
  });
  sander.action(82, "follow", {
    description: "Samtaler med helsesykepleier hver uke, og frokost på skolen hver dag",
    goal: "Sander skal ha en trygg voksen å snakke med og spise frokost hver skoledag",
    responsible: { person: NURSE },
    evaluate: 40,
  });
  sander.note(70, "Sander har vært borte fire dager denne uka. Mor svarer ikke på telefon.");
  sander.childVoice(
    66,
    "conversation",
    "Sander forteller at det har vært en stor krangel hjemme, og at han har sovet hos en kamerat to netter. Han gruer seg til å dra hjem.",
  );
  sander.note(
    66,
    "Bekymringsmelding er sendt til barneverntjenesten i dag etter opplysningsplikten. Sander er informert om at meldingen er sendt og hvorfor.",
  );
  sander.changeLevel(
    60,
    2,
    "Barneverntjenesten har startet undersøkelse. Helsesykepleier og barneverntjenesten samarbeider om oppfølgingen av Sander.",
  );
  sander.meeting(
    55,
    "Samarbeidsmøte med barneverntjenesten",
    "Sander, Anita Kvam (mor), Amina Rasuli (barneverntjenesten), Siri Haugvik (helsesykepleier)",
    "Barneverntjenesten har avsluttet undersøkelsen og vedtatt hjelpetiltak i hjemmet (foreldreveiledning og en fast fritidsaktivitet for Sander). Barneverntjenesten har hovedansvaret videre. Helsesykepleier fortsetter samtaletilbudet ved behov.",
  );
  sander.evaluate(48, "follow", {
    whatHappened: "Sander har spist frokost på skolen nesten hver dag og har hatt seks samtaler.",
    whatWorked: "Frokosttilbudet og faste samtaler.",
    childExperience: "Sander sier at det har vært fint å ha noen å snakke med, og at det er roligere hjemme nå.",
    decision: "end",
  });
  sander.close(
    45,
    "child_welfare",
    "Barneverntjenesten har hovedansvaret for oppfølgingen av Sander gjennom hjelpetiltak i hjemmet. Helsesykepleier er fortsatt tilgjengelig for Sander i skolehelsetjenesten. Mor er orientert om at stafettloggen avsluttes.",
    45,
  );

  return sander;
}

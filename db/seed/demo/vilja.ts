import { DemoLog } from "./log";
import { NURSE } from "./municipality";
import type { World } from "./world";

/**
 * Level 1, closed: the family moved away.
 */
export function viljaLog(w: World): DemoLog {
  const vilja = new DemoLog(w, NURSE, "health", { name: "Vilja Moen", age: [0, 360], attends: [] });
  vilja.concern(
    120,
    "Vilja (8 måneder) har gått lite opp i vekt siden forrige kontroll. Mor forteller at Vilja sover urolig og våkner mange ganger hver natt, og mor virker svært sliten.",
    "Åttemånederskontroll på helsestasjonen. Vektkurven har flatet ut de siste to månedene.",
  );
  vilja.observation(120, "Vilja er blid og har god kontakt, sitter selv og griper etter leker. Hun spiser lite fast føde og vil helst bare ha bryst.");
  vilja.guardian(120, { name: "Kristine Moen", relation: "mother", parentalResponsibility: true, told: true, email: "kristine.moen@eksempel.invalid" });
  vilja.guardian(120, { name: "Fredrik Moen", relation: "father", parentalResponsibility: true, told: true });
  vilja.guardianVoice(
    120,
    "conversation",
    "Kristine Moen (mor)",
    "Mor sier at hun nesten ikke har sovet sammenhengende på flere måneder. Far ukependler. Hun ønsker hjelp med søvn og mat og er glad for tettere oppfølging.",
  );
  vilja.becameLog(120, 1);
  vilja.consent(120, {
    scope: "keep",
    form: "oral",
    note: "Mor samtykket i samtalen på helsestasjonen. Far, som ukependler, samtykket på telefon samme ettermiddag.",
    purpose: "Stafettlogg for Vilja: veiledning om søvn og mat, og tett oppfølging av vekten",
    givenBy: ["Kristine Moen", "Fredrik Moen"],
  });
  vilja.action(118, "guidance", {
    description: "Veiledning til foreldre fra helsesykepleier: hjemmebesøk annenhver uke om søvnrutiner og overgang til fast føde",
    goal: "Bedre søvn for Vilja og mor, og stigende vektkurve",
    responsible: { person: NURSE },
    evaluate: 76,
  });
  vilja.action(118, "weight", {
    description: "Ekstra veiing på helsestasjonen hver tredje uke",
    goal: "Følge vektutviklingen tett",
    responsible: { other: "Helsestasjonen" },
    evaluate: 76,
  });
  vilja.childVoice(
    104,
    "other",
    "Observert på hjemmebesøk: Vilja var blid og nysgjerrig, krabbet rundt og lo da hun fikk smake banan. Hun søker mor for trøst og roer seg raskt.",
  );
  vilja.evaluate(76, "guidance", {
    whatHappened: "Vilja spiser mer fast føde og sover i lengre økter. Mor er fortsatt sliten, men har fått bedre rutiner.",
    whatWorked: "Hjemmebesøkene og en enkel, fast kveldsrutine.",
    childExperience: "Vilja virker fornøyd og trygg; hun smiler og er aktiv under besøkene.",
    decision: "continue",
    next: 40,
  });
  vilja.evaluate(76, "weight", {
    whatHappened: "Vekten følger kurven igjen. Vanlige kontroller holder.",
    whatWorked: "Mer fast føde.",
    childExperience: "Vilja spiser med god appetitt.",
    decision: "end",
  });
  vilja.guardianVoice(
    60,
    "conversation",
    "Fredrik Moen (far)",
    "Far har fått ny jobb på Vestlandet, og familien flytter om en måned. Foreldrene ønsker at oppfølgingen overføres til helsestasjonen i den nye kommunen.",
  );
  vilja.note(50, "Med foreldrenes samtykke er opplysninger sendt til helsestasjonen i den nye kommunen.");
  vilja.evaluate(40, "guidance", {
    whatHappened: "Vilja sover nå fire–fem timer sammenhengende, og mor er mindre sliten. Oppfølgingen overføres til helsestasjonen i ny kommune.",
    whatWorked: "Faste rutiner og veiledning hjemme.",
    childExperience: "Vilja er blid, trygg og nysgjerrig.",
    decision: "end",
  });
  vilja.close(
    35,
    "moved_away",
    "Familien har flyttet til en annen kommune. Vilja spiser og sover bedre, og vekten følger kurven. Oppfølgingen fortsetter på helsestasjonen i den nye kommunen; opplysninger er sendt med foreldrenes samtykke.",
    36,
  );

  return vilja;
}

import { DemoLog } from "./log";
import { KINDERGARTEN_TEACHER } from "./municipality";
import type { World } from "./world";

/**
 * Level 1, closed as resolved: settling in.
 */
export function idaLog(w: World): DemoLog {
  const ida = new DemoLog(w, KINDERGARTEN_TEACHER, "kindergarten", { name: "Ida Berg", age: [2, 45], attends: ["kindergarten"] });
  ida.concern(
    130,
    "Ida har bitt andre barn fem ganger på to uker, oftest i garderoben og ved overganger. Hun gråter lenge etter at mor eller far har gått om morgenen.",
    "Ida begynte på småbarnsavdelingen for seks uker siden. Bitingen skjer når det er trangt og mange barn samtidig.",
  );
  ida.observation(
    127,
    "Ida bet en gutt i armen da han tok bilen hun lekte med i garderoben. Hun ble selv lei seg etterpå og søkte trøst.",
  );
  ida.guardian(125, { name: "Henrik Berg", relation: "father", parentalResponsibility: true, told: true, email: "henrik.berg@eksempel.invalid" });
  ida.guardian(125, { name: "Sunniva Berg", relation: "mother", parentalResponsibility: true, told: true });
  ida.guardianVoice(
    125,
    "meeting",
    "Henrik og Sunniva Berg",
    "Foreldrene er lei seg over bitingen. Ida sover dårlig om natta etter barnehagestart. Mor har vært syk med langvarig lungebetennelse de siste månedene, så far har stått for det meste av levering og henting.",
  );
  ida.becameLog(125, 1);
  ida.consent(125, {
    scope: "keep",
    form: "written",
    purpose: "Stafettlogg for Ida: en trygg start i barnehagen og tiltak mot biting",
    givenBy: ["Henrik Berg", "Sunniva Berg"],
  });
  ida.action(123, "contact", {
    description: "Fast primærkontakt for Ida og rolig levering med samme voksen hver morgen",
    goal: "En trygg start på dagen og kortere gråt ved levering",
    responsible: { person: KINDERGARTEN_TEACHER },
    evaluate: 81,
  });
  ida.action(123, "wardrobe", {
    description: "Barnegruppa deles i to puljer i garderoben, med en voksen tett på Ida ved overganger",
    goal: "Ingen biting",
    responsible: { other: "Personalet på småbarnsavdelingen" },
    evaluate: 81,
  });
  ida.childVoice(
    100,
    "other",
    "Observert: Ida strekker armene mot primærkontakten når hun kommer om morgenen, og roer seg raskt. Hun smiler og viser fram «bilen min» i leken.",
  );
  ida.evaluate(81, "contact", {
    whatHappened: "Leveringen går rolig; Ida gråter kort og blir med primærkontakten inn.",
    whatWorked: "Samme voksen hver morgen og en fast vinke-rutine i vinduet.",
    childExperience: "Ida søker primærkontakten og virker trygg.",
    decision: "end",
  });
  ida.evaluate(81, "wardrobe", {
    whatHappened: "Én episode med biting siden tiltaket startet.",
    whatWorked: "Færre barn i garderoben samtidig.",
    childExperience: "Ida virker roligere i garderoben.",
    decision: "continue",
    next: 39,
  });
  ida.guardianVoice(
    70,
    "conversation",
    "Sunniva Berg (mor)",
    "Mor er frisk igjen og leverer selv noen dager. Ida sover bedre og snakker om barna i barnehagen hjemme.",
  );
  ida.observation(50, "Ingen biting de siste fem ukene. Ida leker godt ved siden av de andre barna.");
  ida.evaluate(39, "wardrobe", {
    whatHappened: "Ingen biting siden forrige evaluering. Garderobedelingen beholdes som fast rutine for hele avdelingen.",
    whatWorked: "To puljer i garderoben.",
    childExperience: "Ida trives og leker med de andre.",
    decision: "end",
  });
  ida.close(
    30,
    "resolved",
    "Ida har funnet seg godt til rette i barnehagen. Bitingen har opphørt, og leveringen går rolig. Tiltakene er blitt faste rutiner på avdelingen. Foreldrene er enige i at loggen avsluttes.",
    31,
  );

  return ida;
}

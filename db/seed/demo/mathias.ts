import { DemoLog } from "./log";
import { KINDERGARTEN_TEACHER, PPT_ADVISER } from "./municipality";
import type { World } from "./world";

/**
 * Level 1 → 2 → 3, closed: moved to an individual plan.
 */
export function mathiasLog(w: World): DemoLog {
  const mathias = new DemoLog(w, KINDERGARTEN_TEACHER, "kindergarten", { name: "Mathias Strøm", age: [4, 122], attends: ["kindergarten"] });
  mathias.concern(
    170,
    "Mathias reagerer ofte ikke når vi roper på ham, og snakker utydelig. Han holder seg gjerne for seg selv i lek og ser mye på de andre før han gjør det samme.",
    "Observert ute og inne, særlig når det er mye lyd. Han reagerer bedre når vi står foran ham.",
  );
  mathias.observation(
    166,
    "I samlingsstunden svarte Mathias bare når han så på den som snakket. Han fikk ikke med seg beskjeden om å hente matpakken da vi sa den bak ham.",
  );
  mathias.guardian(162, { name: "Tone Strøm", relation: "mother", parentalResponsibility: true, told: true });
  mathias.guardianVoice(
    162,
    "conversation",
    "Tone Strøm (mor)",
    "Mor har lurt på om Mathias hører dårlig, men trodde det var «selektiv hørsel». Hun ønsker at hørselen sjekkes.",
  );
  mathias.becameLog(162, 1);
  mathias.consent(162, {
    scope: "keep",
    form: "written",
    purpose: "Stafettlogg for Mathias: tiltak i barnehagen mens hørselen undersøkes",
    givenBy: ["Tone Strøm"],
  });
  mathias.action(160, "face", {
    description: "Voksne henvender seg til Mathias ansikt til ansikt og sjekker at beskjeden er oppfattet",
    goal: "Mathias skal få med seg beskjeder og være med i fellesskapet",
    responsible: { other: "Personalet på avdelingen" },
    evaluate: 118,
  });
  mathias.note(150, "Mor forteller at helsestasjonen har testet hørselen og henvist Mathias til øre-nese-hals ved sykehuset.");
  mathias.note(130, "Mor forteller at sykehuset har funnet moderat hørselstap på begge ører. Mathias får høreapparater om tre uker.");
  mathias.consent(120, {
    scope: "share",
    form: "written",
    purpose: "Samarbeid med helsestasjonen og PPT om Mathias' hørsel og tilrettelegging i barnehagen",
    givenBy: ["Tone Strøm"],
    services: ["health", "ppt"],
  });
  const mathiasInvitation = mathias.invite(
    120,
    PPT_ADVISER,
    "ppt",
    "Mor har samtykket til samarbeid med PPT om Mathias' hørsel. Kan du bli med i loggen og på samarbeidsmøtet med audiopedagogen?",
  );
  mathias.answerInvitation(119, mathiasInvitation, { accept: true });
  mathias.evaluate(118, "face", {
    whatHappened: "Mathias får med seg flere beskjeder når vi står foran ham. I samlingsstund og ute faller han fortsatt utenfor.",
    whatWorked: "Ansikt-til-ansikt-beskjeder.",
    childExperience: "Mathias kommer oftere bort til de voksne for å vise ting.",
    decision: "change_level",
    newLevel: 2,
    justification:
      "Hørselstapet krever samarbeid med helsestasjonen, PPT og audiopedagog. Mor har samtykket til samarbeidet.",
    next: 70,
  });
  mathias.meeting(
    110,
    "Samarbeidsmøte om hørsel",
    "Tone Strøm (mor), audiopedagog, PP-rådgiver, helsesykepleier, Marte Lyngstad (pedagogisk leder)",
    "Audiopedagogen gir råd om lydmiljøet på avdelingen. Barnehagen søker om FM-anlegg. PPT vurderer behovet for spesialpedagogisk hjelp. Nytt møte om seks uker.",
  );
  mathias.action(110, "sound", {
    description: "Lydmiljøtiltak på avdelingen: lyddempende matter, mindre grupper og FM-anlegg i samlingsstund",
    goal: "Mathias skal høre og delta i samlingsstund og lek",
    responsible: { other: "Styrer og pedagogisk leder, med råd fra audiopedagog" },
    evaluate: 68,
  });
  mathias.childVoice(
    90,
    "conversation",
    "Mathias sier at høreapparatene «piper litt», men at han hører fuglene nå. Han liker best å sitte ved siden av en voksen i samlingsstunden.",
  );
  mathias.evaluate(70, "face", {
    whatHappened: "Ansikt-til-ansikt er nå fast rutine for hele personalet og er tatt inn i lydmiljøtiltakene.",
    whatWorked: "Rutinen er innarbeidet.",
    childExperience: "Mathias svarer når vi snakker til ham.",
    decision: "end",
  });
  mathias.evaluate(68, "sound", {
    whatHappened: "FM-anlegget er i bruk. Mathias deltar i samlingsstund og leker mer med de andre.",
    whatWorked: "FM-anlegg og mindre grupper.",
    childExperience: "Mathias sier at han liker samlingsstund nå.",
    decision: "change_level",
    newLevel: 3,
    justification:
      "Mathias trenger langvarig og koordinert oppfølging fra flere tjenester. Ansvarsgruppe opprettes, og mor har søkt om individuell plan.",
    next: 26,
  });
  mathias.meeting(
    55,
    "Ansvarsgruppemøte",
    "Tone Strøm (mor), audiopedagog, PP-rådgiver, helsesykepleier, koordinerende enhet, Marte Lyngstad (pedagogisk leder)",
    "Koordinerende enhet har fattet vedtak om individuell plan, og koordinator oppnevnes fra helsestasjonen. Når planen er på plass, avsluttes stafettloggen og arbeidet fortsetter i den individuelle planen.",
  );
  mathias.guardianVoice(
    40,
    "meeting",
    "Tone Strøm (mor)",
    "Mor er fornøyd med samarbeidet og ønsker at tiltakene i barnehagen videreføres i den individuelle planen.",
  );
  mathias.evaluate(26, "sound", {
    whatHappened: "Tiltakene fungerer og er skrevet inn i den individuelle planen.",
    whatWorked: "FM-anlegg, lyddemping og faste plasser.",
    childExperience: "Mathias deltar med glede i samlingsstunden.",
    decision: "end",
  });
  mathias.close(
    20,
    "individual_plan",
    "Mathias har fått påvist moderat hørselstap og bruker høreapparater. Lydmiljøtiltak og FM-anlegg er på plass i barnehagen. Individuell plan med koordinator er vedtatt, og samarbeidet fortsetter i planen og ansvarsgruppa. Mor er orientert om at loggen avsluttes.",
    22,
  );

  return mathias;
}

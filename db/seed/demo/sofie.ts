import { DemoLog } from "./log";
import { SECOND_TEACHER, TEACHER } from "./municipality";
import type { World } from "./world";

/**
 * Level 1, open: reading. One evaluation is overdue; an early note is corrected. The consent
 * to discuss Sofie with PPT has expired, and its renewal is signed by one of two guardians
 * only (partial: it opens nothing). A colleague's invitation is unanswered past its date.
 */
export function sofieLog(w: World): DemoLog {
  const sofie = new DemoLog(w, TEACHER, "school", { name: "Sofie Lund Nilsen", age: [10, 61], attends: ["school"] });
  sofie.concern(
    118,
    "Sofie unngår å lese høyt og blir urolig når det er lesetid. Hun leser merkbart saktere enn klassekameratene og gjetter ofte på ord ut fra første bokstav.",
    "Lesestund i norsktimene og stasjonsundervisning. Kartleggingsprøven i lesing fra 4. trinn lå under bekymringsgrensen.",
  );
  sofie.observation(
    112,
    "Under stasjonsundervisningen gikk Sofie på do to ganger akkurat da det var hennes tur til å lese. Hun sier selv at «bøker er kjedelige». I matematikk og kunst og håndverk er hun engasjert og hjelper gjerne andre.",
  );
  sofie.guardian(110, { name: "Camilla Nilsen", relation: "mother", parentalResponsibility: true, told: true });
  sofie.guardian(110, { name: "Martin Lund", relation: "father", parentalResponsibility: true, told: true });
  sofie.guardianVoice(
    110,
    "meeting",
    "Camilla Nilsen og Martin Lund",
    "Foreldrene kjenner seg igjen. Sofie vil ikke lese høyt hjemme heller, og leksene ender ofte i krangel. Far hadde selv lese- og skrivevansker som barn. De ønsker tiltak og vil gjerne bidra hjemme.",
  );
  sofie.becameLog(110, 1);
  sofie.consent(110, {
    scope: "keep",
    form: "written",
    purpose: "Stafettlogg for Sofie: tiltak i skolen for lesing, og samarbeid med foreldrene om lesing hjemme",
    givenBy: ["Camilla Nilsen", "Martin Lund"],
  });
  sofie.consent(108, {
    scope: "share",
    form: "written",
    purpose: "Drøfte Sofies lesing med PPT og få råd til skolens tiltak, i tre måneder mens lesegruppa prøves ut",
    givenBy: ["Camilla Nilsen", "Martin Lund"],
    services: ["ppt"],
    validMonths: 3,
  });
  sofie.action(108, "group", {
    description: "Leselyst-gruppe tre ganger i uka (20 minutter) med spesialpedagog, i gruppe med tre elever",
    goal: "Sofie skal oppleve mestring og lese høyt i liten gruppe uten å vegre seg",
    responsible: { other: "Ingrid Solvik (kontaktlærer) og spesialpedagog" },
    evaluate: 66,
  });
  sofie.action(108, "home", {
    description: "Lydbøker og selvvalgte tegneseriebøker hjemme, 15 minutter hver kveld",
    goal: "Mer lesing hjemme uten krangel; Sofie velger selv hva hun leser",
    responsible: { other: "Foreldrene, med boklister fra skolebiblioteket" },
    evaluate: 66,
  });
  const callNote = sofie.note(100, "Mor ringte og fortalte at Sofie gruer seg til å lese høyt på mandager.");
  sofie.correct(
    99,
    callNote,
    "Det var far, ikke mor, som ringte. Sofie gruer seg til å lese høyt i klassen på fredager (ukeoppsummeringen), ikke mandager.",
    "Feil forelder og feil ukedag i notatet.",
  );
  sofie.childVoice(
    75,
    "conversation",
    "Sofie sier at lesegruppa er «helt ok» fordi ingen ler når hun leser feil. Hun liker tegneseriene best. Hun vil ikke lese høyt for hele klassen ennå, men kan tenke seg å lese for én venninne.",
  );
  sofie.evaluate(66, "group", {
    whatHappened:
      "Sofie har vært med på 16 av 18 økter. Hun leser nå høyt i gruppa uten å protestere, og lesehastigheten har økt noe på de siste målingene.",
    whatWorked: "Liten gruppe, faste tider og tekster på riktig nivå. Å få velge tekst selv.",
    childExperience: "Sofie sier at det er fint å være i gruppa og at hun er «litt bedre til å lese nå».",
    decision: "continue",
    next: 4, // deliberately overdue: the special-needs teacher has been away (see note below)
  });
  sofie.evaluate(66, "home", {
    whatHappened: "Sofie har hørt lydbøker de fleste kvelder, men leser sjelden selv. Det er mindre krangel hjemme.",
    whatWorked: "Lydbøkene, og at foreldrene ikke presser.",
    childExperience: "Hun synes lydbøker er gøy, men å lese selv er fortsatt «slitsomt».",
    decision: "adjust",
    adjustment: "Bytter til «les og lytt»: Sofie følger med i boka mens hun hører lydboka, 10 minutter. Far leser annenhver side.",
    next: -10,
  });
  sofie.guardianVoice(
    60,
    "conversation",
    "Martin Lund (far)",
    "Far forteller at kveldslesingen har blitt en fin stund. Sofie har selv bedt om å få låne neste bok i serien.",
  );
  sofie.observation(
    30,
    "Sofie meldte seg frivillig til å lese replikken sin da klassen viste fram skuespillet. Hun leste litt stakkato, men fullførte og smilte etterpå.",
  );
  sofie.childVoice(
    20,
    "conversation",
    "I elevsamtalen sa Sofie at hun vil fortsette i lesegruppa «fordi det hjelper». Hun ønsker seg flere tegneseriebøker i klasserommet.",
  );
  sofie.consent(14, {
    scope: "share",
    form: "written",
    purpose: "Henvise Sofie til PPT for utredning av lese- og skrivevansker (fornyer samtykket som er utløpt)",
    givenBy: ["Camilla Nilsen"],
    services: ["ppt"],
  });
  sofie.note(
    12,
    "Spesialpedagogen har vært sykmeldt i to uker, så lesegruppa har hatt færre økter enn planlagt. Evalueringen av lesegruppa tas når hun er tilbake. Mor har skrevet under på det nye samtykket til PPT; far vil snakke med meg først, så henvisningen venter.",
  );
  sofie.invite(
    12,
    SECOND_TEACHER,
    "school",
    "Kan du ta lesegruppa til Sofie mandag og torsdag mens spesialpedagogen er sykmeldt? Du har et fritt kvarter i samme time. Svar gjerne innen fredag.",
    5, // deliberately overdue: no answer yet
  );

  return sofie;
}

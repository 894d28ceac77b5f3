import { DemoLog } from "./log";
import { KINDERGARTEN_TEACHER, PPT_ADVISER } from "./municipality";
import type { World } from "./world";

/**
 * Level 1 → 2 → 3, open: broad, coordinated effort. The parents consented to PPT and the
 * health clinic; the PPT adviser takes part and writes the responsibility group's latest
 * minutes. Synthetic national id.
 */
export function akselLog(w: World): DemoLog {
  const aksel = new DemoLog(w, KINDERGARTEN_TEACHER, "kindergarten", {
    name: "Aksel Rønning",
    age: [5, 40],
    syntheticNationalId: true,
    attends: ["kindergarten"],
  });
  aksel.concern(
    160,
    "Aksel har store vansker med å sitte i ro i samlingsstund og ved måltid, faller ofte og slår seg, og har få ord sammenlignet med jevnaldrende. Han blir lett overveldet i store grupper og gjemmer seg under bordet.",
    "Aksel begynte i Tyttebær barnehage for fem uker siden, etter at familien flyttet til kommunen. Observert over tre uker på avdeling Blåbær.",
  );
  aksel.guardian(150, { name: "Julie Rønning", relation: "mother", parentalResponsibility: true, told: true });
  aksel.guardian(150, { name: "Erik Rønning", relation: "father", parentalResponsibility: true, told: true });
  aksel.guardianVoice(
    150,
    "meeting",
    "Julie og Erik Rønning",
    "Foreldrene forteller at Aksel sto på venteliste for utredning i kommunen de flyttet fra. De er slitne og ønsker hjelp, og samtykker til at barnehagen samarbeider med PPT og helsestasjonen.",
  );
  aksel.becameLog(150, 1);
  aksel.consent(150, {
    scope: "keep",
    form: "written",
    purpose: "Stafettlogg for Aksel: tiltak i barnehagen og samarbeid med foreldrene",
    givenBy: ["Julie Rønning", "Erik Rønning"],
  });
  aksel.consent(150, {
    scope: "share",
    form: "written",
    purpose: "Utredning og samarbeid med PPT og helsestasjonen om Aksels språk, motorikk og oppmerksomhet",
    givenBy: ["Julie Rønning", "Erik Rønning"],
    services: ["ppt", "health"],
  });
  const akselInvitation = aksel.invite(
    149,
    PPT_ADVISER,
    "ppt",
    "Foreldrene har samtykket til samarbeid med PPT og helsestasjonen. Kan du bli med i loggen og på samarbeidsmøtet om to uker?",
  );
  aksel.answerInvitation(147, akselInvitation, { accept: true });
  aksel.changeLevel(
    146,
    2,
    "Aksels vansker er sammensatte og krever mer enn tiltak i barnehagen. PPT er med i samarbeidet, og helsestasjonen følger opp motorikk og hørsel.",
  );
  aksel.meeting(
    140,
    "Samarbeidsmøte",
    "Julie og Erik Rønning, Jonas Brekkestø (PPT), Siri Haugvik (helsestasjonen), Marte Lyngstad (pedagogisk leder)",
    "Aksel henvises til PPT for utredning. Helsestasjonen henviser til fysioterapeut for motorikk og til hørselstest. Barnehagen setter inn tiltak på egen avdeling. Nytt møte om seks uker.",
  );
  aksel.action(140, "adult", {
    description: "Egen voksen i samlingsstund og ved overganger, og liten gruppe (fire barn) i aktiviteter",
    goal: "Aksel skal delta i samlingsstund i minst ti minutter og oppleve færre overveldende situasjoner",
    responsible: { person: KINDERGARTEN_TEACHER },
    evaluate: 98,
  });
  aksel.action(140, "pictures", {
    description: "Dagsplan med bilder og tegn til tale i hverdagen",
    goal: "Aksel skal forstå dagsrytmen og kunne uttrykke enkle behov",
    responsible: { other: "Personalet på avdeling Blåbær" },
    evaluate: 98,
  });
  aksel.childVoice(
    120,
    "drawing",
    "Da vi spurte hva han liker best i barnehagen, pekte Aksel på bildene av «ute» og «sandkasse». Han tegnet seg selv og en voksen på sklia.",
  );
  aksel.evaluate(98, "adult", {
    whatHappened:
      "Aksel deltar nå i samlingsstund i 10–15 minutter med egen voksen. Han har fortsatt mange utbrudd i garderoben og ved måltid.",
    whatWorked: "Liten gruppe og forutsigbare overganger.",
    childExperience: "Aksel søker de trygge voksne og smiler mer i liten gruppe.",
    decision: "change_level",
    newLevel: 3,
    justification:
      "PPTs utredning viser sammensatte vansker med språk, motorikk og oppmerksomhet. Aksel trenger langvarig og koordinert hjelp fra flere tjenester; det opprettes ansvarsgruppe, og foreldrene ønsker individuell plan.",
    next: 56,
  });
  aksel.evaluate(98, "pictures", {
    whatHappened: "Aksel bruker bildene til å vise hva som skal skje, og har lært fem tegn (spise, drikke, ute, hjelp, ferdig).",
    whatWorked: "Bildene i garderoben og ved matbordet.",
    childExperience: "Aksel henter selv bildet av «ute» når han vil ut.",
    decision: "continue",
    next: 56,
  });
  aksel.meeting(
    90,
    "Første møte i ansvarsgruppa",
    "Julie og Erik Rønning, Jonas Brekkestø (PPT), Siri Haugvik (helsestasjonen), fysioterapeut, styrer, Marte Lyngstad (pedagogisk leder)",
    "Ansvarsgruppa møtes hver sjette uke. PPT skriver sakkyndig vurdering innen fire uker, og barnehagen søker om spesialpedagogisk hjelp. Fysioterapeut kommer i barnehagen hver tirsdag. Foreldrene søker om individuell plan gjennom koordinerende enhet. Marte Lyngstad er stafettholder til koordinator er oppnevnt.",
  );
  aksel.action(90, "physio", {
    description: "Fysioterapeut i barnehagen hver tirsdag, med øvelser som følges opp i utetiden",
    goal: "Bedre balanse og grovmotorikk; færre fall",
    responsible: { other: "Fysioterapeut i kommunen og personalet på avdelingen" },
    evaluate: 48,
  });
  aksel.guardianVoice(
    70,
    "conversation",
    "Julie Rønning (mor)",
    "Mor sier at det er en lettelse å ha ett møtepunkt i ansvarsgruppa i stedet for mange ulike avtaler. Hjemme bruker de bildene fra dagsplanen.",
  );
  aksel.evaluate(56, "adult", {
    whatHappened: "Færre utbrudd ved overganger; Aksel deltar i hele samlingsstunden de fleste dager.",
    whatWorked: "Fast voksen og varsel før hver overgang.",
    childExperience: "Aksel går selv til plassen sin i samlingsstunden.",
    decision: "continue",
    next: -20,
  });
  aksel.evaluate(56, "pictures", {
    whatHappened: "Bildestøtten virker godt i barnehagen, men hjemme og i garderoben er det fortsatt vanskelig.",
    whatWorked: "Bilder og tegn sammen.",
    childExperience: "Aksel viser fram bildene sine til andre barn.",
    decision: "adjust",
    adjustment: "Bildestøtten utvides til garderoben og hjemmet, og hele personalet får kurs i tegn til tale.",
    next: -20,
  });
  aksel.evaluate(48, "physio", {
    whatHappened: "Aksel faller sjeldnere og klatrer selv opp i sklia.",
    whatWorked: "Øvelser som lek i utetiden.",
    childExperience: "Aksel ser fram til tirsdagene.",
    decision: "continue",
    next: -30,
  });
  aksel.childVoice(
    21,
    "conversation",
    "Aksel sa «Aksel flink klatre» og viste fram klatrestativet. Han vil ha «mer tirsdag» (dagen fysioterapeuten kommer).",
  );
  aksel.by(PPT_ADVISER, (l) =>
    l.meeting(
      14,
      "Ansvarsgruppemøte",
      "Julie og Erik Rønning, Jonas Brekkestø (PPT, referent), Siri Haugvik (helsestasjonen), fysioterapeut, Marte Lyngstad (pedagogisk leder)",
      "Sakkyndig vurdering fra PPT foreligger: Aksel får spesialpedagogisk hjelp fem timer i uka. Vedtak om individuell plan er ventet, og koordinerende enhet oppnevner koordinator. Tiltakene i barnehagen fortsetter. Neste møte om seks uker.",
    ),
  );

  return aksel;
}

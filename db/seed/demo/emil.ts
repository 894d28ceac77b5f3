import { DemoLog } from "./log";
import { TEACHER } from "./municipality";
import type { World } from "./world";

/**
 * Level 0, open, discussed with the principal; the decision is due in two days.
 */
export function emilLog(w: World): DemoLog {
  const D = w.decisionDays;
  const emil = new DemoLog(w, TEACHER, "school", { name: "Emil Bråten", age: [10, 140], attends: ["school"] });
  const s1 = D - 2;
  emil.concern(
    s1,
    "Emil har sovnet på pulten to ganger denne uka, og han virker sliten og blek nesten hver morgen. Han har flere ganger sagt at han ikke har spist frokost.",
    "Observert i første time (norsk og matematikk) mandag og torsdag. Emil har tidligere vært en aktiv elev som gjerne rekker opp hånda.",
  );
  emil.observation(
    s1 - 2,
    "Emil gjespet gjennom hele matematikktimen og la hodet på armene i stillearbeidet. I friminuttet sto han for seg selv ved inngangen i stedet for å spille fotball, som han pleier.",
  );
  emil.observation(s1 - 4, "Kom ti minutter for sent i dag. Hadde med matpakke, men spiste bare halvparten. Virket i bedre form etter lunsj.");
  emil.childVoice(
    s1 - 5,
    "conversation",
    "Emil sier at han er trøtt fordi han sitter lenge oppe med nettbrettet etter at mamma har lagt seg. «Det er bare det at jeg ikke får sove», sa han. Han liker seg på skolen og vil gjerne spille fotball i friminuttene igjen.",
  );
  emil.note(
    s1 - 5,
    "Drøftet med sosiallærer hvordan jeg kan ta det opp med hjemmet uten at det oppleves anklagende. Plan: ringe mor og spørre åpent om søvn og morgenrutiner.",
  );
  emil.guardian(s1 - 6, { name: "Kari Bråten", relation: "mother", parentalResponsibility: true, told: true });
  emil.guardianVoice(
    s1 - 6,
    "conversation",
    "Kari Bråten (mor)",
    "Mor forteller at hun har begynt i ny jobb med turnus, og at det har vært vanskelig å holde faste legge- og morgenrutiner. Hun er glad for at skolen sa ifra, og vil ta inn nettbrettet om kvelden.",
  );
  emil.shareWithLeader(s1 - 7);
  emil.note(
    s1 - 7,
    "Drøftet saken med rektor. Vi følger Emil tett i to uker til og ser om de nye rutinene hjemme hjelper, før vi avgjør om det skal bli en stafettlogg.",
  );

  return emil;
}

import { DemoLog } from "./log";
import { TEACHER } from "./municipality";
import type { World } from "./world";

/**
 * Level 0, closed with "no further concern"; never discussed with the leader.
 */
export function oskarLog(w: World): DemoLog {
  const oskar = new DemoLog(w, TEACHER, "school", { name: "Oskar Lie", age: [10, 310], attends: ["school"] });
  oskar.concern(
    75,
    "Oskar har vært stille og trukket seg unna de siste to ukene. Han sitter alene i friminuttene og har sluttet å rekke opp hånda.",
    "Endringen kom brått for to uker siden. Han har tidligere vært en aktiv og sosial elev.",
  );
  oskar.observation(72, "Oskar satt alene på trappa i begge friminuttene i dag. Da jeg spurte om han ville være med på kanonball, ristet han på hodet.");
  oskar.childVoice(
    70,
    "conversation",
    "Oskar fortalte at hunden til familien døde for to uker siden, og at han er lei seg. Han vil ikke at de andre i klassen skal vite det.",
  );
  oskar.guardian(69, { name: "Elin Lie", relation: "mother", parentalResponsibility: true, told: true });
  oskar.guardianVoice(
    69,
    "conversation",
    "Elin Lie (mor)",
    "Mor bekrefter at Oskar har tatt det tungt at hunden døde, og at han har vært stille hjemme også. Hun synes det er fint at læreren følger med, og de snakker mye om det hjemme.",
  );
  oskar.observation(62, "Oskar var med på fotball i storefri og lo sammen med de andre. Han fortalte meg at familien skal få valp.");
  oskar.close(
    61,
    "no_further_concern",
    "Oskars tilbaketrekning hadde en naturlig forklaring (sorg over familiens hund), og han er tilbake i vanlig aktivitet. Mor er orientert. Ingen videre bekymring.",
    61,
  );

  return oskar;
}

import { DemoLog } from "./log";
import { KINDERGARTEN_TEACHER } from "./municipality";
import type { World } from "./world";

/**
 * Level 0, open: language. The decision date has passed.
 */
export function livaLog(w: World): DemoLog {
  const D = w.decisionDays;
  const liva = new DemoLog(w, KINDERGARTEN_TEACHER, "kindergarten", { name: "Liva Torvik", age: [3, 95], attends: ["kindergarten"] });
  const s1 = D + 6;
  liva.concern(
    s1,
    "Liva bruker få ord og setter sjelden to ord sammen. Hun peker og drar voksne i hånda når hun vil noe, og blir lett frustrert når hun ikke blir forstått.",
    "Observert i samlingsstund, ved måltid og i frilek over flere uker. De fleste barna på avdelingen på samme alder snakker i korte setninger.",
  );
  liva.observation(
    s1 - 2,
    "I samlingsstunden kjente Liva igjen bilder av dyr og sa «katt», «ku» og «mø». Hun fulgte godt med og forstår enkle beskjeder som «hent skoene dine».",
  );
  liva.observation(
    s1 - 5,
    "Liva ble sint og dyttet en annen jente som tok dukken hun lekte med. Hun hadde ikke ord for å si ifra. Hun roet seg raskt på fanget til en voksen.",
  );
  liva.note(s1 - 6, "Drøftet med en kollega på avdelingen. Vi gjør en TRAS-observasjon (kartlegging av språk) før foreldresamtalen.");
  liva.guardian(s1 - 8, { name: "Maria Torvik", relation: "mother", parentalResponsibility: true, told: true });
  liva.guardian(s1 - 8, { name: "Anders Torvik", relation: "father", parentalResponsibility: true, told: true });
  liva.guardianVoice(
    s1 - 8,
    "meeting",
    "Maria og Anders Torvik",
    "Foreldrene har også lurt på språket. Liva har hatt mange ørebetennelser det siste året. De ønsker at helsestasjonen sjekker hørselen, og er positive til tiltak i barnehagen.",
  );
  liva.observation(
    s1 - 12,
    "TRAS-observasjonen er gjennomført. Liva forstår mer enn hun uttrykker: språkforståelsen er nær alderen, mens uttale og ordforråd ligger etter. Avgjørelse om stafettlogg gjenstår.",
  );

  return liva;
}

import type { Transaction } from "../../client.server";
import { memberships, services, users } from "../../schema";
import { addDays } from "../../../app/lib/dates";
import type { BtiLevel, CloseReason, ServiceKind, VoiceMethod } from "../../../app/lib/enums";
import { createId } from "../../../app/lib/ids";
import { DemoLog } from "./log";
import type { DemoLogsContext, World } from "./world";

/**
 * A year of history for the BTI coordinator (issue 12): about two hundred relay logs and
 * some level-0 concerns over the ~14 months before the seed day, in generated services
 * with generated staff, written with the same DemoLog builder as the twelve demo children
 * (so every story obeys the domain's rules). A tiny PRNG with a fixed seed draws the
 * stories, so the same seed day gives the same history. Nothing here touches the demo
 * accounts or Solbakken skole/SFO: they hold and take part in exactly what they did before.
 * Every name is invented; no child has a national id; staff have no password.
 */

/** The history's fixed seed. */
export const HISTORY_SEED = 0x5eed_2026;
/** How many stories are drawn (a share of them stay level-0 concerns). */
export const HISTORY_STORIES = 230;
/** How far back the first concern may lie, in days. */
const WINDOW_DAYS = 425;
/** Sharing consents older than this would have expired by the seed day (12 months). */
const SHARE_MAX_AGO = 345;

/** mulberry32: a tiny, fast, deterministic 32-bit PRNG. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float() {
    return this.next();
  }
  /** An integer in [lo, hi]. */
  int(lo: number, hi: number) {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number) {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  weighted<T>(pairs: readonly (readonly [T, number])[]): T {
    const total = pairs.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [value, w] of pairs) {
      r -= w;
      if (r < 0) return value;
    }
    return pairs.at(-1)![0];
  }
  /** A long-tailed duration: log-normal around `median`, clamped. */
  logNormal(median: number, sigma: number, lo: number, hi: number) {
    const u = Math.max(this.next(), 1e-9);
    const v = this.next();
    const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    return Math.round(Math.min(hi, Math.max(lo, median * Math.exp(sigma * z))));
  }
}

// ---------------------------------------------------------------------------------------
// Generated services and staff (invented names, e-mail under eksempel.no, no password)
// ---------------------------------------------------------------------------------------

type Where = "school" | "kindergarten" | "health";

interface HistoryService {
  key: string;
  name: string;
  kind: ServiceKind;
  staff: { email: string; name: string; title: string }[];
}

function staff(title: string, ...names: string[]) {
  return names.map((name) => ({
    name,
    title,
    email: `${name.toLowerCase().replaceAll(" ", ".").replaceAll("æ", "ae").replaceAll("ø", "o").replaceAll("å", "a").replaceAll("é", "e")}@eksempel.no`,
  }));
}

/** New services for the history, and generated colleagues in the existing collaborating ones. */
export const historyServices: HistoryService[] = [
  { key: "h-school-1", name: "Furulia skole", kind: "school", staff: staff("Kontaktlærer", "Vegard Hollum", "Nora Aasberg", "Hamid Sultani") },
  { key: "h-school-2", name: "Måkeskjær skole", kind: "school", staff: staff("Kontaktlærer", "Tone Gjerlaug", "Ali Rahimi", "Kjersti Bøyum") },
  { key: "h-school-3", name: "Lerkeberget skole", kind: "school", staff: staff("Kontaktlærer", "Jørn Vikestad", "Maja Kolberg") },
  { key: "h-school-4", name: "Granstua ungdomsskole", kind: "school", staff: staff("Kontaktlærer", "Eirik Saltvik", "Fatima Osei", "Runa Tveiten") },
  { key: "h-school-5", name: "Bekkely skole", kind: "school", staff: staff("Kontaktlærer", "Helge Nordvang", "Silje Amundrud") },
  { key: "h-kg-1", name: "Blåklokka barnehage", kind: "kindergarten", staff: staff("Pedagogisk leder", "Ragnhild Skaret", "Yusuf Demir") },
  { key: "h-kg-2", name: "Maurtua barnehage", kind: "kindergarten", staff: staff("Pedagogisk leder", "Linnea Fossbakk", "Trine Haugom") },
  { key: "h-kg-3", name: "Solsikken barnehage", kind: "kindergarten", staff: staff("Pedagogisk leder", "Marit Ødegård", "Daniel Lykkja") },
  { key: "h-kg-4", name: "Ekornredet barnehage", kind: "kindergarten", staff: staff("Pedagogisk leder", "Aina Brattli") },
  { key: "h-health", name: "Helsestasjon Nord", kind: "health_clinic", staff: staff("Helsesykepleier", "Gunn Aarvik", "Sana Mirza", "Kari Fjeldberg") },
];

/** Generated colleagues in existing services: they take part in history logs only. */
const historyColleagues: { key: string; staff: { email: string; name: string; title: string }[] }[] = [
  { key: "ppt", staff: staff("PP-rådgiver", "Ståle Hovland", "Ingvild Mæhle") },
  { key: "welfare", staff: staff("Barnevernspedagog", "Rune Fagerli") },
  { key: "bup", staff: staff("Psykologspesialist", "Leila Haddad") },
  { key: "family", staff: staff("Familieterapeut", "Øystein Brenna") },
];

/** The services a holder invites, by where the holder works, with who answers. */
const collaborators: { key: string; email: string; weight: Record<Where, number> }[] = [
  { key: "ppt", email: historyColleagues[0]!.staff[0]!.email, weight: { school: 4, kindergarten: 5, health: 1 } },
  { key: "ppt", email: historyColleagues[0]!.staff[1]!.email, weight: { school: 4, kindergarten: 4, health: 1 } },
  { key: "h-health", email: historyServices[9]!.staff[0]!.email, weight: { school: 4, kindergarten: 2, health: 0 } },
  { key: "h-health", email: historyServices[9]!.staff[1]!.email, weight: { school: 3, kindergarten: 2, health: 0 } },
  { key: "family", email: historyColleagues[3]!.staff[0]!.email, weight: { school: 2, kindergarten: 2, health: 4 } },
  { key: "bup", email: historyColleagues[2]!.staff[0]!.email, weight: { school: 1, kindergarten: 0, health: 2 } },
  { key: "welfare", email: historyColleagues[1]!.staff[0]!.email, weight: { school: 1, kindergarten: 1, health: 1 } },
];

/**
 * Write the history's services, staff and memberships inside the demo's transaction,
 * before the world is opened (which reads every name), and add their ids to the context.
 */
/**
 * The generated staff sign in like every demo account (the demo password, `passwordHash` one
 * of the demo's hashes), so the administrator sees working accounts, not 28 people who never
 * chose a password although they write in logs.
 */
export async function seedHistoryPeople(tx: Transaction, ctx: DemoLogsContext, passwordHash: string) {
  const serviceIds = ctx.serviceIds as Map<string, string>;
  const userIds = ctx.userIds as Map<string, string>;
  const addStaff = async (serviceKey: string, people: { email: string; name: string; title: string }[]) => {
    for (const p of people) {
      const id = createId();
      userIds.set(p.email, id);
      await tx.insert(users).values({ id, name: p.name, email: p.email, passwordHash, createdAt: ctx.now });
      await tx.insert(memberships).values({
        id: createId(),
        userId: id,
        serviceId: serviceIds.get(serviceKey)!,
        role: "employee",
        title: p.title,
        startedAt: ctx.now,
      });
    }
  };
  for (const s of historyServices) {
    const id = createId();
    serviceIds.set(s.key, id);
    await tx.insert(services).values({ id, name: s.name, kind: s.kind, createdAt: ctx.now });
  }
  for (const s of historyServices) await addStaff(s.key, s.staff);
  for (const c of historyColleagues) await addStaff(c.key, c.staff);
}

// ---------------------------------------------------------------------------------------
// Names and phrases
// ---------------------------------------------------------------------------------------

const childFirstNames = [
  "Aurora", "Jakob", "Nora", "Filip", "Emma", "Lukas", "Olivia", "Henrik", "Maja", "Magnus",
  "Selma", "Tobias", "Astrid", "Elias", "Frida", "Isak", "Amira", "Yasin", "Leah", "Omar",
  "Hedda", "Kasper", "Mina", "Adrian", "Tiril", "Jonas", "Zara", "Milan", "Iben", "Theo",
  "Sigrid", "Ahmed", "Alma", "Ibrahim", "Live", "Mikkel", "Hanna", "Aron", "Ylva", "Samir",
];
const surnames = [
  "Dalsrud", "Fjærli", "Gravdal", "Hovde", "Kleppe", "Lindtveit", "Mørkved", "Nesheim", "Ottesen",
  "Rustad", "Skogheim", "Tangen", "Ulriksen", "Vassbotn", "Åsheim", "Haider", "Okafor", "Kowalski",
  "Hussaini", "Tesfaye", "Andersson", "Petrović", "Karimi", "Sandvold", "Bjørklund", "Yilmaz",
];
const adultFirstNames = [
  "Anne", "Morten", "Camilla", "Stian", "Heidi", "Geir", "Marianne", "Bjørn", "Lene", "Espen",
  "Nadia", "Karim", "Agnieszka", "Tomasz", "Mulu", "Samuel", "Ayse", "Mehmet", "Elin", "Rolf",
];

const concerns: Record<Where, [what: string, context: string][]> = {
  school: [
    ["Eleven virker stille og trekker seg unna i friminuttene.", "Observert over to uker i skolegården."],
    ["Eleven har mye fravær, oftest på mandager.", "Fraværet er registrert i skolens system."],
    ["Eleven kommer ofte i konflikt med andre elever.", "Konfliktene skjer mest i overganger og friminutt."],
    ["Eleven strever med lesing og gir fort opp.", "Sett i norsktimene og i leseleksene."],
    ["Eleven virker sliten og uopplagt om morgenen.", "Observert i første time flere dager."],
    ["Eleven sier at hun gruer seg til å gå på skolen.", "Kom fram i en elevsamtale."],
  ],
  kindergarten: [
    ["Barnet har lite språk sammenlignet med jevnaldrende.", "Observert i samlingsstund og lek."],
    ["Barnet har mange utbrudd ved overganger.", "Sett i garderoben og før måltid."],
    ["Barnet leker mest alene og søker lite kontakt.", "Observert over tre uker på avdelingen."],
    ["Barnet virker engstelig ved levering.", "Sett ved levering de fleste morgener."],
    ["Barnet faller ofte og strever med motorikk.", "Observert i utetiden."],
  ],
  health: [
    ["Barnet følger ikke forventet vektkurve.", "Sett ved rutinekontroll på helsestasjonen."],
    ["Foreldrene forteller om mye uro og lite søvn.", "Kom fram ved konsultasjon."],
    ["Ungdommen forteller om vonde tanker og lite søvn.", "Kom fram i en samtale hos helsesykepleier."],
    ["Barnet har ofte vondt i magen og hodet.", "Tatt opp ved besøk hos helsesykepleier."],
  ],
};
const observations = [
  "Fulgte barnet i en vanlig dag. Samme mønster som tidligere beskrevet.",
  "Kort observasjon: bedre i liten gruppe, vanskeligere i store grupper.",
  "Snakket med kollega som ser det samme.",
  "Observert i flere situasjoner denne uka; noterer det som skjer.",
];
const notes = [
  "Drøftet med kollega hvordan vi går videre.",
  "Avtalt ny samtale med foreldrene.",
  "Oppsummert uka; ingen nye hendelser.",
  "Innkalling til møte er sendt foreldrene.",
];
const childVoices = [
  "Barnet sier at det er bedre nå enn før.",
  "Barnet forteller at det liker de voksne som hjelper.",
  "Barnet sier at noen dager fortsatt er vanskelige.",
  "Barnet tegnet seg selv sammen med en venn.",
  "Barnet ønsker å fortsette med det som hjelper.",
];
const guardianVoices = [
  "Foreldrene kjenner seg igjen og ønsker samarbeid.",
  "Foreldrene ser det samme hjemme og vil gjerne ha hjelp.",
  "Foreldrene er bekymret, men glade for at det tas opp.",
];
const actionsByWhere: Record<Where, [description: string, goal: string][]> = {
  school: [
    ["Fast samtale med kontaktlærer hver uke", "Eleven skal ha en trygg voksen å snakke med"],
    ["Voksenstøtte i friminuttene", "Færre konflikter og trygg lek"],
    ["Lesekurs i liten gruppe tre ganger i uka", "Bedre leseflyt og mer mestring"],
    ["Myk start om morgenen med fast oppgave", "Eleven skal komme på skolen hver dag"],
  ],
  kindergarten: [
    ["Språkgruppe med fire barn to ganger i uka", "Flere ord og mer deltakelse i samtaler"],
    ["Fast voksen ved overganger", "Færre utbrudd og tryggere overganger"],
    ["Tilrettelagt lek i liten gruppe", "Barnet skal delta i lek med andre"],
    ["Bildestøtte og dagsplan", "Barnet skal forstå dagsrytmen"],
  ],
  health: [
    ["Tettere oppfølging med kontroller hver fjerde uke", "Stabil vekst og trivsel"],
    ["Samtaler med helsesykepleier annenhver uke", "Bedre søvn og mindre uro"],
    ["Veiledning til foreldrene om rutiner", "Faste rutiner hjemme"],
  ],
};
const joinActions: [description: string, goal: string][] = [
  ["Observasjon og vurdering fra samarbeidende tjeneste", "Felles forståelse av hva barnet trenger"],
  ["Samtaler med barnet i samarbeidende tjeneste", "Barnet skal få sette ord på det som er vanskelig"],
  ["Veiledning til personalet", "Personalet skal møte barnet likt"],
];
const happened = [
  "Tiltaket er gjennomført som planlagt.",
  "Tiltaket er gjennomført de fleste uker.",
  "Noe bedring, men fortsatt krevende dager.",
  "Tydelig bedring siden forrige evaluering.",
];
const worked = ["Fast voksen og forutsigbarhet.", "Korte, faste avtaler.", "Samarbeidet med hjemmet.", "Liten gruppe."];
const experience = ["Barnet sier det hjelper.", "Barnet er mer fornøyd.", "Ikke spurt denne gangen.", "Barnet vil fortsette."];
const closeSummaries: Record<CloseReason, string> = {
  no_further_concern: "Undringen ble avklart; ingen videre bekymring etter samtale og observasjon.",
  resolved: "Tiltakene har virket, og bekymringen er ikke lenger til stede. Avsluttet i samråd med foreldrene.",
  individual_plan: "Barnet har fått individuell plan; arbeidet fortsetter i IP-verktøyet.",
  child_welfare: "Barneverntjenesten har overtatt oppfølgingen; loggen avsluttes.",
  moved_away: "Familien har flyttet fra kommunen; foreldrene er informert om hvor de kan få hjelp.",
  other: "Loggen avsluttes etter avtale med foreldrene; oppfølgingen fortsetter i ordinær drift.",
  consent_withdrawn: "Samtykket er trukket tilbake.",
} as Record<CloseReason, string>;

// ---------------------------------------------------------------------------------------
// The stories
// ---------------------------------------------------------------------------------------

/** More concerns in September–November and February–March, few in July. */
const monthWeight = [1.0, 1.3, 1.3, 1.0, 0.9, 0.6, 0.15, 0.7, 1.5, 1.5, 1.4, 0.7];

/** Draw the start day (days ago), seasonally. */
function startDays(today: string) {
  const days: [number, number][] = [];
  for (let ago = 2; ago <= WINDOW_DAYS; ago++) days.push([ago, monthWeight[Number(addDays(today, -ago).slice(5, 7)) - 1]!]);
  return days;
}

const consentMonthsAgoLimit = SHARE_MAX_AGO;

/** The history's logs, drawn from the fixed seed; call `.finish()` on each. */
export function historyLogs(w: World): DemoLog[] {
  const rng = new Rng(HISTORY_SEED);
  const starts = startDays(w.today);
  const interval = w.evaluationIntervalDays;
  const out: DemoLog[] = [];
  const byWhere: Record<Where, HistoryService[]> = {
    school: historyServices.filter((s) => s.kind === "school"),
    kindergarten: historyServices.filter((s) => s.kind === "kindergarten"),
    health: historyServices.filter((s) => s.kind === "health_clinic"),
  };
  const usedNames = new Set<string>();

  for (let i = 0; i < HISTORY_STORIES; i++) {
    const where = rng.weighted<Where>([["school", 52], ["kindergarten", 34], ["health", 14]]);
    const service = rng.pick(byWhere[where]);
    const holder = rng.pick(service.staff);
    const years = where === "school" ? rng.int(6, 15) : where === "kindergarten" ? rng.int(1, 5) : rng.weighted([[0, 3], [1, 2], [rng.int(2, 15), 4]] as const);
    let name = "";
    do name = `${rng.pick(childFirstNames)} ${rng.pick(surnames)}`;
    while (usedNames.has(name));
    usedNames.add(name);
    const surname = name.split(" ").slice(1).join(" ");
    const log = new DemoLog(w, holder.email, service.key, { name, age: [years, rng.int(0, 364)], attends: [service.key] });
    let S = rng.weighted(starts);
    const relay = !rng.chance(0.15);
    if (relay && S < 12) S = rng.int(12, 60);
    let cur = S;
    /** Move the story forward by 0…n days (never past yesterday). */
    const step = (lo: number, hi: number) => (cur = Math.max(1, cur - rng.int(lo, hi)));
    let events = 0;
    const [what, context] = rng.pick(concerns[where]);
    log.concern(cur, what, context);
    log.observation(step(1, 6), rng.pick(observations));
    events += 2;

    if (!relay) {
      // Level 0: a private concern, usually settled as "no further concern".
      if (rng.chance(0.6)) log.childVoice(step(0, 4), "conversation", rng.pick(childVoices));
      else log.observation(step(0, 4), rng.pick(observations));
      log.guardian(step(0, 3), { name: `${rng.pick(adultFirstNames)} ${surname}`, relation: rng.pick(["mother", "father"] as const), parentalResponsibility: true, told: true });
      log.note(step(0, 4), rng.pick(notes));
      const closeOn = S - rng.int(6, 20);
      if (closeOn >= 1) log.close(Math.min(cur, closeOn), "no_further_concern", closeSummaries.no_further_concern, null);
      out.push(log);
      continue;
    }

    // Level 1: guardians told, the log begins with a consent to keep it.
    const two = rng.chance(0.8);
    const g1 = `${rng.pick(adultFirstNames)} ${surname}`;
    let g2 = `${rng.pick(adultFirstNames)} ${surname}`;
    if (g2 === g1) g2 = `${adultFirstNames[(adultFirstNames.indexOf(g1.split(" ")[0]!) + 1) % adultFirstNames.length]} ${surname}`;
    const responsible = two ? [g1, g2] : [g1];
    step(2, 14);
    log.guardian(cur, { name: g1, relation: "mother", parentalResponsibility: true, told: true });
    if (two) log.guardian(cur, { name: g2, relation: "father", parentalResponsibility: true, told: true });
    log.guardianVoice(cur, "meeting", two ? `${g1} og ${g2}` : g1, rng.pick(guardianVoices));
    log.becameLog(cur, 1);
    log.consent(cur, { scope: "keep", form: rng.weighted([["written", 6], ["digital", 3], ["oral", 1]] as const), note: "Samtale med foreldrene om loggen.", purpose: "Stafettlogg: tiltak i egen tjeneste", givenBy: responsible });
    events += 5 + (two ? 1 : 0);
    const becameAgo = cur;

    // How long the log lives: long-tailed; open logs must have begun within the keep consent's year.
    const duration = rng.logNormal(130, 0.75, 25, 420);
    let closeAgo: number | null = becameAgo - duration >= 1 ? becameAgo - duration : null;
    if (closeAgo === null && becameAgo > 340) closeAgo = rng.int(1, Math.max(1, becameAgo - 90));
    if (closeAgo !== null && rng.chance(0.12) && becameAgo < 300) closeAgo = null; // some long ones are still open

    step(0, 10);
    const [desc, goal] = rng.pick(actionsByWhere[where]);
    const active = new Map<string, number>(); // action key → evaluate (days ago)
    const firstEval = cur - rng.int(interval - 7, interval + 7);
    log.action(cur, "a1", { description: desc, goal, responsible: { person: holder.email }, evaluate: firstEval });
    active.set("a1", firstEval);
    events += 1;
    if (rng.chance(0.85)) {
      log.childVoice(step(0, 10), rng.pick<VoiceMethod>(["conversation", "conversation", "drawing", "meeting"]), rng.pick(childVoices));
      events += 1;
    }

    let level: BtiLevel = 1;
    let participants: string[] = [];
    let coveredKeys: string[] = [];
    let handedOver = false;
    let joinAdded = false;
    let holderEmail = holder.email;
    const wantsUp = rng.chance(0.85);
    const upAfter = becameAgo - rng.int(30, 100);
    let cycles = 0;
    const voiceChance = rng.chance(0.8) ? 0.75 : 0.2; // some logs rarely hear the child
    const leaveOverdue = closeAgo === null && rng.chance(0.1);

    while (true) {
      const due = Math.min(...active.values());
      const endAgo = closeAgo ?? 0;
      if (due < Math.max(endAgo, 1)) break; // the next evaluation lies after the end
      // Evaluated on the day or a little late.
      const evalAgo = Math.max(1, Math.min(cur, due - rng.weighted([[0, 5], [rng.int(1, 7), 4], [rng.int(8, 20), 1]] as const)));
      if (closeAgo === null && leaveOverdue && evalAgo <= 30 && evalAgo >= 1 && due >= 2) break; // left overdue today
      cur = evalAgo;
      cycles += 1;

      // Going up: a sharing consent, an invitation, an answer, then the level change.
      let newLevel: BtiLevel | null = null;
      if (level === 1 && wantsUp && cur <= upAfter && cur <= consentMonthsAgoLimit && cur > 20 && participants.length === 0) {
        const pairs = collaborators.map((c) => [c, c.weight[where]] as const).filter(([, wgt]) => wgt > 0);
        const first = rng.weighted(pairs);
        let second = rng.weighted(pairs);
        if (second.key === first.key) second = rng.weighted(pairs.filter(([c]) => c.key !== first.key));
        coveredKeys = [first.key, second.key];
        log.consent(cur, { scope: "share", form: rng.weighted([["written", 5], ["digital", 3], ["oral", 2]] as const), note: "Samtale med foreldrene om samarbeid.", purpose: "Samarbeid med andre tjenester om tiltakene", givenBy: responsible, services: coveredKeys });
        const respond = w.invitationResponseDays;
        const invitation = log.invite(cur, first.email, first.key, "Foreldrene har samtykket. Kan du bli med i loggen?");
        events += 2;
        const declined = rng.chance(0.1);
        const late = rng.chance(0.18);
        const answerAgo = Math.max(1, cur - (late ? respond + rng.int(1, 6) : rng.int(0, respond - 1)));
        if (answerAgo >= cur - respond - 6 && answerAgo <= cur) {
          if (declined) {
            log.answerInvitation(answerAgo, invitation, { accept: false, reason: "Saken hører bedre hjemme hos en annen tjeneste." });
            const again = log.invite(answerAgo, second.email, second.key, "Kan du bli med i loggen i stedet?");
            const againAgo = Math.max(1, answerAgo - rng.int(0, 5));
            log.answerInvitation(againAgo, again, { accept: true });
            cur = againAgo;
            participants = [second.email];
            events += 3;
          } else {
            log.answerInvitation(answerAgo, invitation, { accept: true });
            participants = [first.email];
            events += 1;
          }
        }
        cur = Math.min(cur, answerAgo);
        newLevel = 2;
      } else if (level === 2 && cycles >= 3 && rng.chance(0.22)) newLevel = 3;
      else if (level === 2 && cycles >= 3 && rng.chance(0.2)) newLevel = 1;
      else if (level === 3 && rng.chance(0.2)) newLevel = 2;

      const keys = [...active.keys()];
      for (const [j, key] of keys.entries()) {
        const next = cur - rng.int(interval, interval + 28 + cycles * 7);
        const base = { whatHappened: rng.pick(happened), whatWorked: rng.pick(worked), childExperience: rng.pick(experience) };
        if (j === 0 && newLevel !== null) {
          log.evaluate(cur, key, { ...base, decision: "change_level", newLevel, justification: newLevel > level ? "Tiltakene i egen tjeneste er ikke nok; flere tjenester trengs." : "Det går bedre; innsatsen trappes ned i samråd med foreldrene.", next });
          events += 2;
        } else if (j > 0 && rng.chance(0.3)) {
          log.evaluate(cur, key, { ...base, decision: "end" });
          active.delete(key);
          events += 1;
          continue;
        } else {
          log.evaluate(cur, key, rng.chance(0.25) ? { ...base, decision: "adjust", adjustment: "Tiltaket justeres etter evalueringen.", next } : { ...base, decision: "continue", next });
          events += 1;
        }
        active.set(key, next);
      }
      if (newLevel !== null) {
        level = newLevel;
        if (level === 3) {
          log.meeting(cur, "Ansvarsgruppemøte", "Foreldrene, stafettholder og samarbeidende tjenester", "Ansvarsgruppa er opprettet og møtes hver sjette uke.");
          events += 1;
        }
        if (level >= 2 && participants.length > 0 && !joinAdded) {
          joinAdded = true;
          const [d2, g2_] = rng.pick(joinActions);
          const next = cur - rng.int(interval, interval + 14);
          log.action(cur, "a2", { description: d2, goal: g2_, responsible: { person: participants[0]! }, evaluate: next });
          active.set("a2", next);
          events += 1;
        }
      }
      // A few handovers: the school's log moves to the health clinic's nurse who takes part.
      if (!handedOver && level >= 2 && participants[0]?.endsWith("@eksempel.no") && coveredKeys.includes("h-health") && participants.length > 0 && rng.chance(0.35)) {
        const nurse = collaborators.find((c) => c.email === participants[0] && c.key === "h-health");
        // The old holder stays on through the keep consent, which must still hold today.
        if (nurse && cur > 3 && becameAgo < 355) {
          const id = log.proposeHandover(cur, nurse.email, "h-health", "Helsestasjonen bærer nå mest av arbeidet. Vil du overta stafetten?");
          step(1, 3);
          log.acceptHandover(cur, id);
          participants = [holderEmail];
          holderEmail = nurse.email;
          handedOver = true;
          events += 2;
        }
      }
      if (participants.length > 0 && rng.chance(0.3)) {
        log.by(participants[0]!, (l) => l.note(cur, rng.pick(notes)));
        events += 1;
      }
      if (rng.chance(voiceChance)) {
        log.childVoice(step(0, 6), rng.pick<VoiceMethod>(["conversation", "drawing", "meeting"]), rng.pick(childVoices));
        events += 1;
      }
      if (events >= 24) {
        // Long logs: the next evaluation moves out past the end of the story.
        break;
      }
    }

    if (closeAgo !== null) {
      const at = Math.max(1, Math.min(cur, closeAgo));
      for (const key of active.keys()) {
        log.evaluate(at, key, { whatHappened: rng.pick(happened), whatWorked: rng.pick(worked), childExperience: rng.pick(experience), decision: "end" });
      }
      const reason =
        level === 3
          ? rng.weighted<CloseReason>([["individual_plan", 5], ["resolved", 2], ["child_welfare", 1]])
          : rng.weighted<CloseReason>([["resolved", 60], ["other", 10], ["moved_away", 9], ["child_welfare", 7], ["individual_plan", 2]]);
      log.close(at, reason, closeSummaries[reason], at);
    } else if (events >= 24) {
      // Still open after a long story: its actions carry on, with their evaluations ahead.
      for (const key of active.keys()) {
        const due = active.get(key)!;
        if (due >= 1 && !leaveOverdue) {
          const at = Math.max(1, Math.min(cur, due));
          log.evaluate(at, key, { whatHappened: rng.pick(happened), whatWorked: rng.pick(worked), childExperience: rng.pick(experience), decision: "continue", next: -rng.int(3, 40) });
          cur = at;
        }
      }
    }
    out.push(log);
  }
  return out;
}

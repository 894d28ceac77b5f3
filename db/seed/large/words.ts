/** Fixed, invented word lists for the large seed. No real people. */

export const firstNames = [
  "Emma", "Nora", "Sofie", "Olivia", "Ella", "Ingrid", "Leah", "Sara", "Maja", "Frida", "Vilde", "Astrid",
  "Hedda", "Tiril", "Selma", "Aurora", "Amalie", "Iben", "Mathilde", "Live", "Jenny", "Thea", "Ida", "Linnea",
  "Noah", "Jakob", "Emil", "Lucas", "Oliver", "Isak", "William", "Filip", "Aksel", "Theodor", "Elias", "Kasper",
  "Magnus", "Henrik", "Johannes", "Tobias", "Sander", "Ludvig", "Mathias", "Oskar", "Even", "Sigurd", "Tage", "Brage",
  "Amina", "Fatima", "Zainab", "Yasmin", "Aisha", "Hiba", "Mariam", "Layla", "Nadia", "Sumaya", "Hana", "Leyla",
  "Ali", "Omar", "Yusuf", "Ibrahim", "Mohammed", "Adam", "Hamza", "Bilal", "Idris", "Zakaria", "Musa", "Karim",
  "Zofia", "Julia", "Natalia", "Lena", "Oliwia", "Kacper", "Jan", "Antoni", "Mikołaj", "Szymon",
  "Linh", "Mai", "An", "Minh", "Bao", "Thanh", "Priya", "Arjun", "Anaya", "Rohan", "Tenzin", "Sami",
  "Aron", "Daniel", "Milan", "Luka", "Mia", "Elena", "Nikola", "Sara", "Dawit", "Selam", "Hanna", "Ruth",
] as const;

export const surnames = [
  "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen", "Jensen", "Karlsen",
  "Johnsen", "Pettersen", "Eriksen", "Berg", "Haugen", "Hagen", "Johannessen", "Andreassen", "Jacobsen", "Dahl",
  "Jørgensen", "Halvorsen", "Henriksen", "Lund", "Sørensen", "Jakobsen", "Moen", "Gundersen", "Iversen", "Strand",
  "Solberg", "Svendsen", "Eide", "Knutsen", "Martinsen", "Paulsen", "Bakken", "Kristoffersen", "Mathisen", "Lie",
  "Amundsen", "Nguyen", "Rasmussen", "Ali", "Lunde", "Solheim", "Berge", "Moe", "Nygård", "Bakke", "Kristensen",
  "Fredriksen", "Holm", "Lien", "Hauge", "Christensen", "Andresen", "Nielsen", "Knudsen", "Evensen", "Sæther",
  "Aas", "Myhre", "Hanssen", "Ahmed", "Hussain", "Mohamed", "Haugland", "Thomassen", "Sivertsen", "Simonsen",
  "Danielsen", "Berntsen", "Sandvik", "Rønning", "Arnesen", "Antonsen", "Næss", "Vik", "Haug", "Ellingsen",
  "Thorsen", "Edvardsen", "Birkeland", "Isaksen", "Gulbrandsen", "Ruud", "Aasen", "Strøm", "Myklebust", "Tangen",
  "Ødegård", "Eliassen", "Helland", "Bøe", "Jenssen", "Aune", "Mikkelsen", "Tveit", "Brekke", "Abrahamsen",
  "Kowalski", "Nowak", "Wiśniewski", "Tran", "Pham", "Le", "Khan", "Hassan", "Abdi", "Yilmaz", "Singh", "Osman",
] as const;

export const placeStems = [
  "Bjørke", "Furu", "Lerke", "Sol", "Måke", "Gran", "Eike", "Linde", "Rogne", "Hegge", "Bekke", "Steins",
  "Fjell", "Dals", "Ås", "Nord", "Sør", "Vest", "Øst", "Myr", "Berg", "Elve", "Sjø", "Lyng", "Kløver",
  "Blåbær", "Tyttebær", "Multe", "Ekorn", "Maur", "Bjørne", "Reve", "Hjorte", "Ugle", "Svane", "Trost",
  "Lille", "Store", "Ny", "Gamle", "Kirke", "Mølle", "Sag", "Skole", "Tor", "Hav", "Vind", "Lys",
] as const;

export const placeEnds = [
  "lia", "haugen", "bakken", "sletta", "åsen", "dalen", "stua", "tunet", "berget", "moen", "li", "voll",
  "jordet", "skogen", "vika", "toppen", "gården", "kollen", "enga", "lunden",
] as const;

export const districts = [
  "Alna", "Bjerke", "Frogner", "Gamle Oslo", "Grorud", "Grünerløkka", "Nordre Aker", "Nordstrand", "Sagene",
  "St. Hanshaugen", "Stovner", "Søndre Nordstrand", "Ullern", "Vestre Aker", "Østensjø",
] as const;

export const concernWhats = [
  "Virker sliten og trist i perioder",
  "Trekker seg unna de andre barna i frileken",
  "Mye fravær den siste tiden",
  "Utfordringer med språk og begreper",
  "Konflikter i friminuttene",
  "Sein i utviklingen av motorikk",
  "Sulten når hen kommer om morgenen",
  "Urolig og får lite ro i aktivitetene",
  "Har sagt at det er vanskelig hjemme",
  "Lite kontakt med jevnaldrende",
  "Sover dårlig, ifølge foresatte",
  "Utfordringer med lesing og skriving",
] as const;

export const contexts = ["I barnehagen", "På skolen", "I SFO", "På helsestasjonen", "I klassen", "På tur", "I samtale"] as const;

export const observations = [
  "Hadde en god dag, lekte med flere andre.",
  "Var stille i samlingsstunden, ville sitte alene.",
  "Kom for sent igjen, virket trøtt.",
  "Fikk til oppgaven med litt hjelp, virket stolt.",
  "Konflikt i garderoben, løste det med en voksen.",
  "Snakket mer enn vanlig i dag.",
  "Spiste lite til lunsj.",
  "Gråt ved levering, roet seg etter en stund.",
  "Deltok godt i gymtimen.",
  "Virket urolig etter helgen.",
  "Lekte fint ute i lang tid.",
  "Ba om hjelp selv, det er nytt.",
] as const;

export const notes = [
  "Snakket med kontaktlærer om veien videre.",
  "Foresatte ringte og fortalte om en travel uke.",
  "Avtalt oppfølging neste uke.",
  "Drøftet anonymt i ressursteamet.",
  "Sendt melding til foresatte om møtetidspunkt.",
  "Sjekket at tiltaket er kjent for alle voksne rundt barnet.",
  "Oppdatert plan etter samtale med kollega.",
] as const;

export const voiceTexts = [
  "Sier at det er fint å ha en voksen å snakke med.",
  "Liker best å være ute, synes det er vanskelig inne.",
  "Forteller at hen savner en venn.",
  "Synes lesestunden med den voksne hjelper.",
  "Vil ikke snakke om hjemme i dag.",
  "Tegnet familien og fortalte om tegningen.",
  "Sier at friminuttene er bedre nå.",
] as const;

export const guardianVoiceTexts = [
  "Ser bedring hjemme, men morgenene er fortsatt tunge.",
  "Er bekymret for søvnen.",
  "Ønsker tettere kontakt med barnehagen.",
  "Er fornøyd med tiltakene så langt.",
  "Opplever at barnet gruer seg til skolen.",
] as const;

export const actionTexts: readonly (readonly [string, string])[] = [
  ["Fast voksen ved levering hver morgen", "Tryggere start på dagen"],
  ["Lesestund med voksen tre ganger i uken", "Bedre leseflyt"],
  ["Strukturerte friminutt med aktivitet", "Færre konflikter i friminuttene"],
  ["Frokost på skolen", "Barnet er mett og klar for læring"],
  ["Ukentlig samtale med helsesykepleier", "Barnet har en voksen å snakke med"],
  ["Språkgruppe to ganger i uken", "Større ordforråd"],
  ["Tett kontakt med hjemmet, ukentlig melding", "Felles forståelse hjemme og i barnehagen"],
  ["Tilrettelagt oppmøte og fraværsoppfølging", "Jevnere oppmøte"],
  ["Veiledning fra PPT til personalet", "Personalet møter barnet likt"],
] as const;

export const evaluationTexts = [
  ["Tiltaket er gjennomført som avtalt.", "Faste rutiner hjalp.", "Sier at det er bedre."],
  ["Tiltaket er delvis gjennomført.", "Fungerte de dagene den faste voksne var der.", "Vet ikke helt."],
  ["Lite endring så langt.", "Kontakten med hjemmet er god.", "Synes det er slitsomt."],
  ["Tydelig bedring.", "Kortere økter fungerte bedre.", "Er glad og stolt."],
] as const;

export const meetingTitles = ["Samarbeidsmøte", "Foreldresamtale", "Møte med PPT", "Ansvarsgruppemøte", "Oppfølgingsmøte"] as const;

export const meetingNotes = [
  "Gikk gjennom tiltakene. Alle opplever noe bedring. Ny evaluering avtalt.",
  "Foresatte beskriver situasjonen hjemme. Enighet om å fortsette.",
  "PPT gir råd om tilrettelegging. Personalet prøver ut i fire uker.",
  "Drøftet behovet for mer hjelp. Henvisning vurderes.",
] as const;

export const summaries = [
  "Situasjonen er bedre, tiltakene er avsluttet etter avtale med foresatte.",
  "Familien har flyttet fra kommunen.",
  "Barnevernstjenesten har overtatt oppfølgingen.",
  "Videre oppfølging skjer gjennom individuell plan.",
  "Ingen videre bekymring etter samtale og observasjon.",
  "Avsluttet etter ønske fra foresatte.",
] as const;

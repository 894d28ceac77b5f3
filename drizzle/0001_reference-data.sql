-- Reference data every install needs: the service kinds, the four BTI levels with the
-- default action-guide (handlingsveileder) texts in bokmål and English, and the guide's
-- default settings. The BTI coordinator edits the texts and settings later; the four
-- levels themselves are fixed.
INSERT INTO `service_kinds` (`code`, `sort_order`, `name_nb`, `name_en`) VALUES
  ('kindergarten', 10, 'Barnehage', 'Kindergarten'),
  ('school', 20, 'Skole', 'School'),
  ('after_school', 30, 'SFO', 'After-school programme (SFO)'),
  ('health_clinic', 40, 'Helsestasjon og skolehelsetjeneste', 'Child health clinic and school health service'),
  ('ppt', 50, 'PPT', 'Educational-psychological service (PPT)'),
  ('child_welfare', 60, 'Barnevern', 'Child welfare service'),
  ('bup', 70, 'BUP', 'Child and adolescent mental health service (BUP)'),
  ('gp', 80, 'Fastlege', 'General practitioner'),
  ('nav', 90, 'NAV', 'NAV (labour and welfare)'),
  ('family_centre', 100, 'Familiesenter', 'Family centre'),
  ('mental_health', 110, 'Psykisk helse og rus', 'Mental health and substance abuse'),
  ('coordinating_unit', 120, 'Koordinerende enhet', 'Coordinating unit'),
  ('other', 130, 'Annet', 'Other');
--> statement-breakpoint
INSERT INTO `bti_levels` (`level`, `name_nb`, `name_en`, `description_nb`, `description_en`) VALUES
  (0, 'Undring og bekymring', 'Wondering and concern',
   'Noen undrer seg eller er bekymret. Observer, skriv ned det du har sett, drøft med en kollega eller leder, og snakk med barnet og de foresatte. Saken kan drøftes anonymt med andre tjenester. Nivået avsluttes med «ingen videre bekymring» eller med overgang til nivå 1 eller 2.',
   'Someone wonders or worries. Observe, write down what you saw, talk with a colleague or leader, and talk with the child and the guardians. The case may be discussed anonymously with other services. The level ends with "no further concern" or a move to level 1 or 2.'),
  (1, 'Tiltak i egen tjeneste', 'Actions in own service',
   'Tiltak settes i gang i egen tjeneste. Stafettholder er på plass, de foresatte er involvert, og tiltakene har mål og dato for evaluering.',
   'Actions start inside your own service. The relay holder is in place, the guardians are involved, and actions have goals and evaluation dates.'),
  (2, 'Samarbeid med andre tjenester', 'Collaboration with other services',
   'Én eller flere andre tjenester deltar, hver dekket av samtykke. Felles tiltak, felles evalueringer og møter. Stafetten kan flyttes til tjenesten som nå bærer mest.',
   'One or more other services take part, each covered by consent. Joint actions, joint evaluations and meetings. The relay may move to the service that now carries the most.'),
  (3, 'Tverrfaglig, koordinert innsats', 'Interdisciplinary, coordinated effort',
   'Bred, langvarig og koordinert innsats: ansvarsgruppe, ofte individuell plan med koordinator. Loggen viser til planen og fortsetter som felles tidslinje.',
   'Broad, long-lasting, coordinated effort: a responsibility group, often an individual plan with a coordinator. The log refers to the plan and continues as the shared timeline.');
--> statement-breakpoint
INSERT INTO `guide_settings` (`id`, `municipality_name`, `level0_decision_days`, `evaluation_interval_days`, `consent_age`, `log_required_from_level`, `updated_at`) VALUES
  (1, 'Kommunen', 14, 42, 16, 1, 0);

-- The timeline is append-only (DESIGN.md rule 5): mistakes are corrected by a new event
-- that points at the old one. The database itself refuses to change or remove an event,
-- so no code path can do it by accident. (Deletion at the end of the retention period,
-- after export for archiving, will arrive as its own reviewed migration.)
CREATE TRIGGER `log_events_no_update` BEFORE UPDATE ON `log_events`
BEGIN
  SELECT RAISE(ABORT, 'log_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `log_events_no_delete` BEFORE DELETE ON `log_events`
BEGIN
  SELECT RAISE(ABORT, 'log_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `access_log_no_update` BEFORE UPDATE ON `access_log`
BEGIN
  SELECT RAISE(ABORT, 'access_log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `access_log_no_delete` BEFORE DELETE ON `access_log`
BEGIN
  SELECT RAISE(ABORT, 'access_log is append-only');
END;

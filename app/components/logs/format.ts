import { useT } from "../../i18n/use-t";
import { dateTimeFormat } from "../../lib/dates";
import { intlTag } from "../../lib/locales";

/** Calendar dates (YYYY-MM-DD) and timestamps in the reader's language, in Norway's time. */
export function useDates() {
  const { i18n } = useT();
  const tag = intlTag(i18n.language);
  return {
    date: (iso: string | null | undefined) =>
      iso
        ? dateTimeFormat(tag, { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`))
        : "",
    dateTime: (iso: string | null | undefined) =>
      iso
        ? dateTimeFormat(tag, { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Oslo" }).format(new Date(iso))
        : "",
  };
}

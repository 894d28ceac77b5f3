import { useT } from "../../i18n/use-t";
import { formatDate } from "../../i18n/format";
import type { Locale } from "../../lib/enums";

/** "Handlingsveileder versjon N (gjelder fra …)": the local guide version the log follows. */
export function GuideVersionLine({ guide }: { guide: { number: number; effectiveOn: string } }) {
  const { t, i18n } = useT();
  return (
    <p className="hint">
      {guide.effectiveOn === "1970-01-01"
        ? t("guide.log.versionFromStart", { version: guide.number })
        : t("guide.log.version", {
            version: guide.number,
            date: formatDate(new Date(`${guide.effectiveOn}T12:00:00Z`), i18n.language as Locale),
          })}
    </p>
  );
}

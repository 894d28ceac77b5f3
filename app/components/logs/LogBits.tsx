import { Link } from "@remix-run/react";
import { useT } from "../../i18n/use-t";
import { activeFlags, type Flags } from "../../lib/flags";

export function LevelBadge({ level, name }: { level: number; name?: string }) {
  const { t } = useT();
  const colours = ["bg-slate-100 border-slate-500", "bg-sky-50 border-sky-700", "bg-amber-50 border-amber-700", "bg-rose-50 border-rose-700"];
  return (
    <span className={`inline-block rounded border-2 px-2 py-0.5 text-sm font-semibold text-slate-900 ${colours[level] ?? colours[0]}`}>
      {name ? t("logs.levelWithName", { level, name }) : t("logs.levelLabel", { level })}
    </span>
  );
}

/**
 * The raised flags as a list, each with its text and, where the flag has an item to go
 * to (the overdue action, the form that records the child's voice), a link to it. Generic:
 * a flag added to Flags shows up here with the text `logs.flags.<key>`.
 */
export function FlagList({ flags, links = {} }: { flags: Flags; links?: Partial<Record<keyof Flags, string>> }) {
  const { t } = useT();
  const active = activeFlags(flags);
  if (active.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-2" aria-label={t("logs.flags.title")}>
      {active.map(({ key, message }) => {
        const href = links[key];
        const text = t(`logs.flags.${message}` as "logs.flags.title");
        return (
          <li key={key} className="flag">
            {href ? (
              <Link to={href} className="flag-link">
                {text}
              </Link>
            ) : (
              text
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** The heading of a form page about one log: back link, child, level. */
export function LogFormHeading({
  log,
  title,
}: {
  log: { id: string; childName: string; level: number; levelName: string };
  title: string;
}) {
  return (
    <div className="stack">
      <p>
        <Link to={`/logs/${log.id}`}>← {log.childName}</Link>
      </p>
      <h1>{title}</h1>
      <p>
        <span className="font-semibold">{log.childName}</span> · <LevelBadge level={log.level} name={log.levelName} />
      </p>
    </div>
  );
}

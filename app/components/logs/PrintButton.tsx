import { useEffect, useState } from "react";
import { useT } from "../../i18n/use-t";

/** A print button once JavaScript runs; without it the browser's own print menu does the same. */
export function PrintButton() {
  const { t } = useT();
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return (
    <button type="button" className="btn-secondary" onClick={() => window.print()}>
      {t("logs.print.printButton")}
    </button>
  );
}

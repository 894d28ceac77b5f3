import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

/** A print button once JavaScript runs; without it the browser's own print menu does the same. */
export function PrintButton() {
  const { t } = useTranslation();
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return (
    <button type="button" className="btn-secondary" onClick={() => window.print()}>
      {t("logs.print.printButton")}
    </button>
  );
}

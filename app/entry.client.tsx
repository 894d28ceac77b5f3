import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import type { Locale } from "./lib/enums";
import { isLocale } from "./i18n/format";
import { loadDictionary, makeI18n, registerI18n } from "./i18n/instance";

/**
 * Only the page's language reaches the browser: each dictionary is its own chunk, loaded
 * here before hydration (docs/decisions/031). The server-rendered page is already on
 * screen meanwhile.
 */
const lang = document.documentElement.lang;
const locale: Locale = isLocale(lang) ? lang : "nb";

const i18n = makeI18n(locale, {});
void loadDictionary(i18n, locale).then(() => {
  registerI18n(locale, i18n);
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <I18nextProvider i18n={i18n}>
          <RemixBrowser />
        </I18nextProvider>
      </StrictMode>,
    );
  });
});

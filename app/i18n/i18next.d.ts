import "i18next";
import type { nb } from "./nb";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof nb };
    returnNull: false;
  }
}

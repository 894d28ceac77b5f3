import type { ReactNode } from "react";

/** A polite status message, e.g. "The changes have been saved." */
export function Notice({ children, tone = "success" }: { children: ReactNode; tone?: "success" | "info" }) {
  return (
    <div role="status" className={tone === "success" ? "notice notice-success" : "notice notice-info"}>
      {children}
    </div>
  );
}

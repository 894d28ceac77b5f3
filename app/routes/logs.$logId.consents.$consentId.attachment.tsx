import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "../domain/auth/guards.server";
import { recordAccess } from "../domain/logs/access.server";
import { consentAttachment } from "../domain/consent/consents.server";
import { guard } from "../lib/http.server";

/** The signed consent form, for the log's readers; a read of the log. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  return guard(async () => {
    const file = await consentAttachment(actor, params.logId ?? "", params.consentId ?? "");
    await recordAccess(actor, [params.logId ?? ""], "view");
    const extension = file.mimeType === "application/pdf" ? "pdf" : file.mimeType === "image/png" ? "png" : "jpg";
    return new Response(new Uint8Array(file.data), {
      headers: {
        "Content-Type": file.mimeType,
        "Content-Disposition": `attachment; filename="samtykke.${extension}"`,
        "Cache-Control": "no-store",
      },
    });
  });
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "../domain/auth/guards.server";
import { consentAttachment } from "../domain/consent/consents.server";
import { guard } from "../route-helpers/http.server";

/** The signed consent form, for the log's readers; a read of the log (recorded by the domain). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  return guard(async () => {
    const file = await consentAttachment(actor, params.logId ?? "", params.consentId ?? "");
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

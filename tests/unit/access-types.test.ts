import { describe, expect, it } from "vitest";
import type { FamilyAccess, LogRow, StaffAccess, StaffCheck } from "../../app/domain/access/open.server";
import type { StaffViewer } from "../../app/domain/access/viewer";

/**
 * A read of a log's data without the check and the access-log row does not compile
 * (docs/decisions/020-one-access-layer.md). These lines are checked by `npm run typecheck`
 * (tsconfig includes tests/): each `@ts-expect-error` fails the typecheck the day the call
 * under it compiles — a bare id, a forged object, a write's check, or a family member's
 * access where the staff's is asked. The functions are typed, never called.
 */
type Timeline = typeof import("../../app/domain/logs/timeline.server");
type Forms = typeof import("../../app/domain/logs/form-data.server");
type Family = typeof import("../../app/domain/family/pages.server");
type LogInvitations = typeof import("../../app/domain/logs/log-invitations.server");
type Visibility = typeof import("../../app/domain/access/visibility.server");

export function readsNeedAnOpenedLog(
  read: Pick<Timeline, "loadTimeline" | "holderOf"> & Pick<Forms, "activeAction">,
  family: Pick<Family, "familyReaders">,
  invitations: Pick<LogInvitations, "inviteOptions">,
  visibility: Pick<Visibility, "visibleEvents">,
  tokens: { staff: StaffAccess; family: FamilyAccess; check: StaffCheck; row: LogRow; viewer: StaffViewer },
) {
  const forged = { log: tokens.row, viewer: tokens.viewer, role: "holder" as const, serviceId: tokens.row.holderServiceId };

  // What compiles: an opened log.
  void read.loadTimeline(tokens.staff, {});
  void read.loadTimeline(tokens.family, {});
  void read.holderOf(tokens.staff);
  void visibility.visibleEvents(tokens.family);
  void invitations.inviteOptions(tokens.staff);

  // @ts-expect-error a bare id is not an opened log
  void read.loadTimeline(tokens.row.id, {});
  // @ts-expect-error a log row is not an opened log
  void read.holderOf(tokens.row);
  // @ts-expect-error an object shaped like the token, made outside openLog, lacks its brand
  void read.loadTimeline(forged, {});
  // @ts-expect-error a forged object, spread from a real check, is still not opened
  void read.activeAction({ ...tokens.check }, "action");
  // @ts-expect-error the check a write gets records no read: it opens nothing
  void read.loadTimeline(tokens.check, {});
  // @ts-expect-error nor does it give the family's readers
  void family.familyReaders(tokens.check);
  // @ts-expect-error the staff's reads do not take a family member's access
  void invitations.inviteOptions(tokens.family);
  // @ts-expect-error a bare id for the invite form's data
  void invitations.inviteOptions(tokens.row.id);
}

describe("reads of a log's data", () => {
  it("are typed to take an opened log (checked by the typecheck, see above)", () => {
    expect(typeof readsNeedAnOpenedLog).toBe("function");
  });
});

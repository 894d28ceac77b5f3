import { describe, expect, it } from "vitest";
import { parseSettings, SettingsError } from "../../app/config.server";

describe("settings", () => {
  it("needs nothing for the demo and has the documented defaults", () => {
    const s = parseSettings({});
    expect(s).toMatchObject({
      PORT: 3000,
      DATABASE_URL: "data/stafettlogg.db",
      SESSION_IDLE_MINUTES: 30,
      SESSION_ABSOLUTE_HOURS: 12,
      DEMO_DATA: true,
      TRUST_PROXY: false,
    });
  });

  it("reads valid values", () => {
    const s = parseSettings({
      PORT: "8080",
      DATABASE_URL: "file:/var/lib/stafettlogg/db.sqlite",
      SESSION_IDLE_MINUTES: "15",
      SESSION_ABSOLUTE_HOURS: "8",
      DEMO_DATA: "false",
      INITIAL_ADMIN_EMAIL: "drift@kommune.invalid",
      TRUST_PROXY: "true",
    });
    expect(s).toMatchObject({ PORT: 8080, SESSION_IDLE_MINUTES: 15, SESSION_ABSOLUTE_HOURS: 8, DEMO_DATA: false, TRUST_PROXY: true });
  });

  it("treats empty values as unset", () => {
    expect(parseSettings({ PORT: "  " }).PORT).toBe(3000);
  });

  it.each([
    ["PORT", "abc"],
    ["PORT", "0"],
    ["PORT", "65536"],
    ["SESSION_ABSOLUTE_HOURS", "-3"],
    ["TRUST_PROXY", "perhaps"],
    ["INITIAL_ADMIN_EMAIL", "nobody"],
    ["DATABASE_URL", "postgres://db/stafett"],
  ])("refuses %s=%s with an error naming the setting", (name, value) => {
    try {
      parseSettings({ [name]: value });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SettingsError);
      expect((error as SettingsError).setting).toBe(name);
      expect((error as Error).message).toMatch(new RegExp(`^Invalid setting ${name}: [^\\n]+$`));
    }
  });
});

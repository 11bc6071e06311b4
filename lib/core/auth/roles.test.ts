import { describe, expect, it } from "vitest";
import { can, DEFAULT_PERMISSION, PERMISSIONS, ROLES, type Permission, type Role } from "./roles";

// The matrix of docs/team.md "Roles", written out: a change to roles.ts must change this table too.
const MATRIX: Record<Permission, Record<Role, boolean>> = {
  "logs.view": { owner: true, admin: true, developer: true, read_only: true },
  "messages.send": { owner: true, admin: true, developer: true, read_only: false },
  "services.manage": { owner: true, admin: true, developer: true, read_only: false },
  "apiKeys.manage": { owner: true, admin: true, developer: true, read_only: false },
  "numbers.manage": { owner: true, admin: true, developer: false, read_only: false },
  "carriers.manage": { owner: true, admin: true, developer: false, read_only: false },
  "domains.manage": { owner: true, admin: true, developer: false, read_only: false },
  "account.manage": { owner: true, admin: true, developer: false, read_only: false },
  "users.manage": { owner: true, admin: false, developer: false, read_only: false },
  "credentials.manage": { owner: true, admin: false, developer: false, read_only: false },
  "profile.manage": { owner: true, admin: true, developer: true, read_only: true },
};

describe("can(role, permission)", () => {
  it("covers every permission", () => expect(Object.keys(MATRIX).sort()).toEqual([...PERMISSIONS].sort()));

  it.each(PERMISSIONS.flatMap((p) => ROLES.map((r) => [r, p, MATRIX[p][r]] as const)))("%s / %s → %s", (role, permission, allowed) => {
    expect(can(role, permission)).toBe(allowed);
  });

  it("refuses an unknown or missing role everything", () => {
    for (const p of PERMISSIONS) {
      expect(can(null, p)).toBe(false);
      expect(can(undefined, p)).toBe(false);
      expect(can("superuser" as Role, p)).toBe(false);
    }
  });

  it("the default an unannotated action requires is not one everyone holds", () => {
    expect(can("read_only", DEFAULT_PERMISSION)).toBe(false);
    expect(can("developer", DEFAULT_PERMISSION)).toBe(false);
    expect(can("admin", DEFAULT_PERMISSION)).toBe(true);
  });

  it("only owners manage users and credentials", () => {
    for (const r of ROLES) {
      expect(can(r, "users.manage")).toBe(r === "owner");
      expect(can(r, "credentials.manage")).toBe(r === "owner");
    }
  });
});

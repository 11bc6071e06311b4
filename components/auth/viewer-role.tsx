"use client";

import { createContext, useContext, type ReactNode } from "react";
import { can, type Permission, type Role } from "@/lib/core/auth/roles";

/**
 * The signed-in user's role, for hiding controls the role cannot use
 * (docs/team.md "Roles"). Only a convenience: the server refuses anyway.
 * Outside the console (no provider) nothing is hidden.
 */
const RoleContext = createContext<Role | null>(null);

export function ViewerRoleProvider({ role, children }: { role: Role; children: ReactNode }) {
  return <RoleContext.Provider value={role}>{children}</RoleContext.Provider>;
}

export function useViewerRole(): Role | null {
  return useContext(RoleContext);
}

/** Whether the viewer may use a control that needs `permission`; true outside the console. */
export function useCan(permission: Permission): boolean {
  const role = useViewerRole();
  return role === null || can(role, permission);
}

/** Renders `children` only for a role holding `permission`. */
export function Can({ permission, children, fallback = null }: { permission: Permission; children: ReactNode; fallback?: ReactNode }) {
  return useCan(permission) ? <>{children}</> : <>{fallback}</>;
}

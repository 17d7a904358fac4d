/**
 * Who may read and change what. Reading is open to every signed-in user except for the users area
 * (accounts and roles are the administrator's); writing is granted per area.
 * Kept pure so the web app can hide the buttons a role may not use.
 */
export const roles = ['admin', 'salesManager', 'salesClerk', 'accountant', 'viewer'] as const;
export type Role = (typeof roles)[number];

/** Areas of the product that are written to. */
export type Area = 'users' | 'setup' | 'customers' | 'items' | 'vendors' | 'sales' | 'purchases' | 'posting';

const writableAreas: Record<Role, readonly Area[]> = {
  admin: ['users', 'setup', 'customers', 'items', 'vendors', 'sales', 'purchases', 'posting'],
  accountant: ['setup', 'customers', 'items', 'vendors', 'sales', 'purchases', 'posting'],
  salesManager: ['customers', 'items', 'sales', 'purchases', 'posting'],
  salesClerk: ['customers', 'sales', 'purchases', 'posting'],
  viewer: [],
};

export function canWrite(role: Role, area: Area): boolean {
  return writableAreas[role].includes(area);
}

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

/** Areas only some roles may even read. */
const readRestrictedAreas: Partial<Record<Area, readonly Role[]>> = { users: ['admin'] };

export function canRead(role: Role, area: Area): boolean {
  return readRestrictedAreas[area]?.includes(role) ?? true;
}

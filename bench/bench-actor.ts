// The user every benchmark request acts as (buildApp's localActor): an admin, so no sign-in is timed.
export const benchActor = { username: 'bench', role: 'admin' } as const;

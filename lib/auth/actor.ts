import type { PrismaClient } from "../generated/prisma/client";
import type { Actor } from "./policy";

/** The columns an Actor is made of, read in the one indexed query each request makes. */
export const actorSelect = { id: true, email: true, name: true, role: true, disabledAt: true } as const;

type ActorRow = { id: string; email: string; name: string; role: Actor["role"]; disabledAt: Date | null };

export const toActor = (row: ActorRow | null): Actor | null =>
  row && !row.disabledAt ? { id: row.id, email: row.email, name: row.name, role: row.role } : null;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The account behind a session, read from the database on every request (a disabled account is null). */
export async function loadActor(prisma: PrismaClient, userId: string | undefined | null): Promise<Actor | null> {
  if (!userId || !UUID.test(userId)) return null;
  return toActor(await prisma.user.findUnique({ where: { id: userId }, select: actorSelect }));
}

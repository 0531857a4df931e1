import "server-only";
import { randomBytes } from "node:crypto";
import { hashPassword, verifyPassword } from "../auth/password";
import { type Actor, canManageUsers, type Role } from "../auth/policy";
import { getPrisma } from "../db/client";
import { DomainError } from "../errors";
import { Prisma } from "../generated/prisma/client";
import {
  changePasswordSchema,
  changeRoleSchema,
  fieldErrorsOf,
  inviteUserSchema,
  resetPasswordSchema,
  setDisabledSchema,
} from "../validation/account";

/**
 * Accounts (/admin/utilisateurs, /admin/profil, npm run user:create does its own). Inputs arrive as typed
 * (form fields) and are parsed here with lib/validation/account.ts. Every write is one
 * transaction — authorize, parse, `update … where id and version` (0 rows → conflict), one AuditEvent.
 * An admin cannot disable or demote themselves (there would be no one left to undo it).
 */

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabledAt: Date | null;
  lastLoginAt: Date | null;
  createdAt: Date;
  version: number;
  hasPassword: boolean;
  proConnectBound: boolean;
  invitedBy: string | null;
}

function assertAdmin(actor: Actor) {
  if (!canManageUsers(actor)) throw new DomainError("forbidden", "Seuls les administrateurs gèrent les comptes.");
}

function parse<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: import("zod").ZodError } }, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new DomainError("validation_failed", "Le formulaire contient des erreurs.", undefined, { fields: fieldErrorsOf(parsed.error) });
  }
  return parsed.data;
}

const conflict = (currentVersion?: number) =>
  new DomainError(
    "conflict",
    "Ce compte a été modifié entre-temps par quelqu'un d'autre : la liste a été rechargée, vérifiez son état avant de recommencer.",
    undefined,
    { currentVersion },
  );

/** A readable initial password (shown once to the admin, who passes it on). */
export const generateInitialPassword = (): string => randomBytes(15).toString("base64url");

export async function listUsers(actor: Actor): Promise<UserRow[]> {
  assertAdmin(actor);
  const prisma = await getPrisma();
  const rows = await prisma.user.findMany({
    orderBy: [{ disabledAt: { sort: "asc", nulls: "first" } }, { name: "asc" }],
    select: {
      id: true, email: true, name: true, role: true, disabledAt: true, lastLoginAt: true, createdAt: true,
      version: true, passwordHash: true, oidcSub: true, invitedBy: { select: { name: true } },
    },
  });
  return rows.map(({ passwordHash, oidcSub, invitedBy, ...row }) => ({
    ...row,
    hasPassword: Boolean(passwordHash),
    proConnectBound: Boolean(oidcSub),
    invitedBy: invitedBy?.name ?? null,
  }));
}

/** Creates the account with an initial password (returned once, stored hashed). */
export async function inviteUser(actor: Actor, input: unknown): Promise<{ id: string; email: string; initialPassword: string }> {
  assertAdmin(actor);
  const data = parse(inviteUserSchema, input);
  const prisma = await getPrisma();
  const initialPassword = generateInitialPassword();
  const passwordHash = await hashPassword(initialPassword);
  try {
    return await prisma.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { ...data, passwordHash, invitedById: actor.id },
        select: { id: true, email: true },
      });
      await tx.auditEvent.create({
        data: { action: "user.invited", actorId: actor.id, email: user.email, detail: { userId: user.id, role: data.role } },
      });
      return { ...user, initialPassword };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new DomainError("validation_failed", "Le formulaire contient des erreurs.", undefined, {
        fields: { email: "Un compte existe déjà avec cette adresse e-mail." },
      });
    }
    throw error;
  }
}

/** update … where id and version, then one audit entry; 0 rows → conflict (or not_found). */
async function versionedUpdate(
  actor: Actor,
  { userId, version }: { userId: string; version: number },
  data: Prisma.UserUpdateManyMutationInput,
  audit: { action: string; detail: Record<string, unknown> },
): Promise<void> {
  const prisma = await getPrisma();
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: userId, version },
      data: { ...data, version: { increment: 1 } },
    });
    if (count === 0) {
      const current = await tx.user.findUnique({ where: { id: userId }, select: { version: true } });
      if (!current) throw new DomainError("not_found", "Ce compte n'existe pas.");
      throw conflict(current.version);
    }
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
    await tx.auditEvent.create({
      data: { action: audit.action, actorId: actor.id, email: user.email, detail: { userId, ...audit.detail } as Prisma.InputJsonObject },
    });
  });
}

export async function changeUserRole(actor: Actor, input: unknown): Promise<void> {
  assertAdmin(actor);
  const data = parse(changeRoleSchema, input);
  if (data.userId === actor.id && data.role !== "admin") {
    throw new DomainError("forbidden", "Vous ne pouvez pas retirer votre propre rôle d'administrateur : demandez-le à un autre administrateur.");
  }
  const prisma = await getPrisma();
  const before = await prisma.user.findUnique({ where: { id: data.userId }, select: { role: true } });
  if (!before) throw new DomainError("not_found", "Ce compte n'existe pas.");
  await versionedUpdate(actor, data, { role: data.role }, { action: "user.role_changed", detail: { from: before.role, to: data.role } });
}

export async function setUserDisabled(actor: Actor, input: unknown): Promise<void> {
  assertAdmin(actor);
  const data = parse(setDisabledSchema, input);
  if (data.userId === actor.id && data.disabled) {
    throw new DomainError("forbidden", "Vous ne pouvez pas désactiver votre propre compte.");
  }
  await versionedUpdate(actor, data, { disabledAt: data.disabled ? new Date() : null }, {
    action: data.disabled ? "user.disabled" : "user.enabled",
    detail: {},
  });
}

/** A new password for someone who lost theirs (returned once, stored hashed). */
export async function resetUserPassword(actor: Actor, input: unknown): Promise<{ password: string }> {
  assertAdmin(actor);
  const data = parse(resetPasswordSchema, input);
  const password = generateInitialPassword();
  await versionedUpdate(actor, data, { passwordHash: await hashPassword(password) }, { action: "user.password_reset", detail: {} });
  return { password };
}

export interface MyAccount {
  id: string;
  email: string;
  name: string;
  role: Role;
  lastLoginAt: Date | null;
  createdAt: Date;
  hasPassword: boolean;
  proConnectBound: boolean;
  siret: string | null;
}

export async function getMyAccount(actor: Actor): Promise<MyAccount> {
  const prisma = await getPrisma();
  const row = await prisma.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: { id: true, email: true, name: true, role: true, lastLoginAt: true, createdAt: true, passwordHash: true, oidcSub: true, siret: true },
  });
  const { passwordHash, oidcSub, ...rest } = row;
  return { ...rest, hasPassword: Boolean(passwordHash), proConnectBound: Boolean(oidcSub) };
}

/** Changes one's own password; the current one is required (when there is one). */
export async function changeOwnPassword(actor: Actor, input: unknown): Promise<void> {
  const data = parse(changePasswordSchema, input);
  const prisma = await getPrisma();
  const user = await prisma.user.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true, version: true, email: true } });
  if (!(await verifyPassword(user.passwordHash, data.currentPassword))) {
    throw new DomainError("validation_failed", "Le formulaire contient des erreurs.", undefined, {
      fields: { currentPassword: "Le mot de passe actuel est incorrect." },
    });
  }
  const passwordHash = await hashPassword(data.newPassword);
  await versionedUpdate(actor, { userId: actor.id, version: user.version }, { passwordHash }, { action: "user.password_changed", detail: {} });
}

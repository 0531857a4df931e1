import { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client";
import { normaliseEmail } from "./login-limit";
import { hashPassword, passwordProblem } from "./password";
import { ROLES } from "./policy";

/**
 * `npm run user:create`: creates an account, or updates the password, role and name of an existing one
 * (so that a forgotten admin password can be reset from the server). No server-only import: run by tsx.
 */
export const cliUserSchema = z.object({
  email: z
    .string({ error: "L'option --email est obligatoire." })
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: "L'adresse e-mail n'est pas valide." }).max(320, { error: "L'adresse e-mail est trop longue." })),
  name: z.string().trim().min(1, { error: "L'option --name ne peut pas être vide." }).max(200).optional(),
  role: z.enum(ROLES, { error: "Le rôle doit être admin, curator ou contributor." }).optional(),
});

export type CliUserInput = z.infer<typeof cliUserSchema>;

export async function upsertUserFromCli(
  prisma: PrismaClient,
  input: CliUserInput & { password: string },
): Promise<{ created: boolean; id: string; role: string }> {
  const email = normaliseEmail(input.email);
  const problem = passwordProblem(input.password, email);
  if (problem) throw new Error(problem);
  const passwordHash = await hashPassword(input.password);
  const existing = await prisma.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) {
    const user = await prisma.user.update({
      where: { id: existing.id },
      data: {
        passwordHash,
        ...(input.role ? { role: input.role } : {}),
        ...(input.name ? { name: input.name } : {}),
        version: { increment: 1 },
      },
      select: { id: true, role: true },
    });
    await prisma.auditEvent.create({
      data: { action: "user.updated_by_cli", email, detail: { role: user.role, passwordChanged: true } },
    });
    return { created: false, ...user };
  }
  if (!input.name) throw new Error("L'option --name est obligatoire pour créer un compte.");
  if (!input.role) throw new Error("L'option --role est obligatoire pour créer un compte (admin, curator ou contributor).");
  const user = await prisma.user.create({
    data: { email, name: input.name, role: input.role, passwordHash },
    select: { id: true, role: true },
  });
  await prisma.auditEvent.create({ data: { action: "user.created_by_cli", email, detail: { role: user.role } } });
  return { created: true, ...user };
}

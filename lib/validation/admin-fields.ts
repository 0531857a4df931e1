import { z } from "zod";

/**
 * Field schemas shared by the curation inputs (programmes, funders): each one carries its French
 * message, named after the field as the form labels it, so that the form, the server action and
 * the JSON API show the same sentence next to the same field.
 */

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const TERRITORY_ID_PATTERN = /^(region|departement|epci|commune):[0-9AB]{2,9}$/;
export const MAX_SLUG_LENGTH = 120;
/** Decimal(16, 2) in the database. */
export const MAX_AMOUNT = 99_999_999_999_999;

/** Control characters (except tab and line breaks) never reach the database. */
const clean = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "").trim();

/** The message of a wrong type, or of a missing field. */
const typeError = (label: string, expected: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? `${label} : ce champ est obligatoire.` : `${label} : ${expected}`;

/** A required text, trimmed. */
export const text = (label: string, { min = 1, max }: { min?: number; max: number }) =>
  z
    .string({ error: typeError(label, "un texte est attendu.") })
    .transform(clean)
    .pipe(
      z
        .string()
        .min(Math.max(min, 1), min > 1 ? `${label} : ${min} caractères au moins.` : `${label} : ce champ est obligatoire.`)
        .max(max, `${label} : ${max} caractères au plus.`),
    );

/** An optional text: absent, null or blank means null. */
export const nullableText = (label: string, max: number) =>
  z
    .string({ error: `${label} : un texte est attendu.` })
    .max(max * 2, `${label} : ${max} caractères au plus.`)
    .nullable()
    .transform((s) => (s === null ? null : clean(s) || null))
    .pipe(z.string().max(max, `${label} : ${max} caractères au plus.`).nullable());

/** A domain name (punycode as URL() writes it), the root's final dot allowed (`www.senat.fr.`). */
const HOSTNAME = /^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+(xn--[a-z0-9-]+|[a-z]{2,63})\.?$/i;

/** An http(s) address with a real domain name; blank means null. */
export const httpUrl = (label: string) =>
  z
    .string({ error: `${label} : une adresse web est attendue.` })
    .transform(clean)
    .pipe(
      z
        .string()
        .max(2000, `${label} : adresse trop longue (2 000 caractères au plus).`)
        .pipe(
          z.url({
            protocol: /^https?$/,
            hostname: HOSTNAME,
            error: `${label} : adresse web invalide (elle doit commencer par http:// ou https://).`,
          }),
        ),
    );

export const nullableHttpUrl = (label: string) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), httpUrl(label).nullable());

/** A calendar day `YYYY-MM-DD` (a day in Paris, as everywhere in the directory); blank means null. */
export const isoDay = (label: string) =>
  z.iso.date({ error: `${label} : date invalide (attendu AAAA-MM-JJ, une date qui existe).` });

export const nullableIsoDay = (label: string) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), isoDay(label).nullable());

export const slug = (label: string) =>
  z
    .string({ error: typeError(label, "un identifiant est attendu.") })
    .trim()
    .min(1, `${label} : ce champ est obligatoire.`)
    .max(MAX_SLUG_LENGTH, `${label} : ${MAX_SLUG_LENGTH} caractères au plus.`)
    .regex(SLUG_PATTERN, `${label} : lettres minuscules sans accents, chiffres et tirets (ex. « appel-a-projets-2026 »).`);

export const territoryId = (label: string) =>
  z
    .string({ error: `${label} : un identifiant de territoire est attendu.` })
    .regex(TERRITORY_ID_PATTERN, `${label} : territoire invalide (attendu region:53, departement:29, epci:<SIREN> ou commune:<code INSEE>).`);

/** One of the public codes (lib/codes.ts). */
export const code = <const T extends readonly string[]>(codes: T, label: string) =>
  z.enum(codes, {
    error: (issue) =>
      issue.input === undefined ? `${label} : ce champ est obligatoire.` : `${label} : valeur inconnue « ${String(issue.input).slice(0, 60)} ».`,
  });

/** A list without duplicates (the first occurrence kept). */
export const uniqueList = <T extends z.ZodType>(item: T, label: string, max: number) =>
  z
    .array(item, { error: typeError(label, "une liste est attendue.") })
    .max(max, `${label} : ${max} éléments au plus.`)
    .transform((values) => [...new Set(values)] as z.output<T>[]);

export const boolean = (label: string) => z.boolean({ error: typeError(label, "vrai ou faux est attendu.") });

/** An amount in euros, or null. */
export const nullableAmount = (label: string) =>
  z
    .number({ error: `${label} : un montant en euros est attendu.` })
    .min(0, `${label} : le montant ne peut pas être négatif.`)
    .max(MAX_AMOUNT, `${label} : montant trop grand.`)
    .multipleOf(0.01, `${label} : deux décimales au plus.`)
    .nullable();

export const version = z
  .number({
    error: typeError("Version", "un nombre entier est attendu (la version de la fiche que vous avez modifiée)."),
  })
  .int("Version : un nombre entier est attendu.")
  .min(1, "Version : un nombre entier positif est attendu.");

export const note = nullableText("Note", 2000).optional();

/** `z.ZodError` → `{ "rounds.0.closesAt": "message" }` (the first message of each path). */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const path = [...issue.path, key].join(".");
        fields[path] ??= `Champ inconnu : « ${key.slice(0, 60)} ».`;
      }
      continue;
    }
    const path = issue.path.map(String).join(".") || "_";
    fields[path] ??= issue.message;
  }
  return fields;
}

/** `appel-a-projets-2026` from « Appel à projets 2026 ! » (empty when nothing is left). */
export function slugify(value: string, max = 80): string {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, max)
    .replace(/^-+|-+$/g, "");
}

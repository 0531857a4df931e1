import "server-only";
import { Prisma } from "../generated/prisma/client";

/** The text search configuration the catalogue is indexed with (French stems, accents removed). */
export const SEARCH_CONFIG = Prisma.sql`'french_unaccent'::regconfig`;

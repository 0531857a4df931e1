/** The French names of the actions a revision records (lib/data/admin/*-write.ts). */
const actionLabels: Record<string, string> = {
  create: "Création",
  update: "Modification",
  status: "Changement de statut",
  verify: "Vérification auprès de la source",
  restore: "Restauration d'une version",
  import: "Import",
};

export const revisionActionLabel = (action: string) => actionLabels[action] ?? action;

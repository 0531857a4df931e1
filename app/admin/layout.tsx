import type { Metadata } from "next";
import type { ReactNode } from "react";
import { WorkspaceNav } from "@/components/admin/workspace-nav";
import { requireActor } from "@/lib/auth/guard";

export const metadata: Metadata = {
  title: { default: "Espace de curation", template: "%s · Espace de curation" },
  robots: { index: false, follow: false },
};

/**
 * The curation workspace's frame. The guard here only keeps anonymous visitors from seeing the frame:
 * each page (and each server action) calls requireActor itself, as layouts are not a lock in Next.
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  return (
    <div className="mx-auto max-w-7xl px-4 py-6 md:grid md:grid-cols-[13rem_minmax(0,1fr)] md:gap-8">
      <WorkspaceNav actor={actor} />
      <div className="mt-6 min-w-0 md:mt-0">{children}</div>
    </div>
  );
}

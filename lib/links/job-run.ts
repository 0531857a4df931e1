import { randomUUID } from "node:crypto";
import type { SqlRunner } from "../db/connect";

export const LINK_CHECK_JOB = "links:check";
export const LINK_CHECK_TRIGGERS = ["schedule", "cli", "admin"] as const;
export type LinkCheckTrigger = (typeof LINK_CHECK_TRIGGERS)[number];

/** A running row whose heartbeat is older than this belongs to a process that died. */
export const STALE_AFTER_MS = 5 * 60_000;
/** How often a run refreshes its heartbeat, even while a slow request keeps it from progressing. */
export const HEARTBEAT_EVERY_MS = 20_000;

export interface LinkCheckCounts {
  ok: number;
  redirected: number;
  broken: number;
  unreachable: number;
}

/** What a finished run leaves in job_run.detail. */
export interface LinkCheckDetail extends Partial<LinkCheckCounts> {
  onlyFailing?: boolean;
  durationMs?: number;
  pruned?: number;
  /** Why the run failed (French). */
  error?: string;
}

/** Marks the running rows whose heartbeat stopped as failed; returns how many. */
export async function failStaleRuns(sql: SqlRunner, now = new Date()): Promise<number> {
  const rows = await sql.query<{ id: string }>(
    `update job_run set status = 'failed', finished_at = $2::timestamptz,
            detail = coalesce(detail, '{}'::jsonb) || jsonb_build_object('error', 'interrompue : le processus qui la menait s''est arrêté')
     where job = $1 and status = 'running' and heartbeat_at < $3::timestamptz
     returning id`,
    [LINK_CHECK_JOB, now.toISOString(), new Date(now.getTime() - STALE_AFTER_MS).toISOString()],
  );
  return rows.length;
}

/** A run still alive (fresh heartbeat), if any. */
export async function findLiveRun(sql: SqlRunner, now = new Date()): Promise<{ id: string } | null> {
  const rows = await sql.query<{ id: string }>(
    `select id from job_run where job = $1 and status = 'running' and heartbeat_at >= $2::timestamptz limit 1`,
    [LINK_CHECK_JOB, new Date(now.getTime() - STALE_AFTER_MS).toISOString()],
  );
  return rows[0] ?? null;
}

export async function createRun(sql: SqlRunner, trigger: LinkCheckTrigger, total: number): Promise<string> {
  const id = randomUUID();
  await sql.query(
    `insert into job_run (id, job, trigger, status, total, done, started_at, heartbeat_at)
     values ($1::uuid, $2, $3, 'running', $4, 0, now(), now())`,
    [id, LINK_CHECK_JOB, trigger, total],
  );
  return id;
}

export async function recordProgress(sql: SqlRunner, id: string, done: number): Promise<void> {
  await sql.query(`update job_run set done = greatest(done, $2), heartbeat_at = now() where id = $1::uuid`, [id, done]);
}

export async function beat(sql: SqlRunner, id: string): Promise<void> {
  await sql.query(`update job_run set heartbeat_at = now() where id = $1::uuid and status = 'running'`, [id]);
}

export async function finishRun(sql: SqlRunner, id: string, status: "succeeded" | "failed", detail: LinkCheckDetail, done?: number): Promise<void> {
  await sql.query(
    `update job_run set status = $2::"JobStatus", detail = $3::jsonb, finished_at = now(), heartbeat_at = now(),
            done = coalesce($4, done)
     where id = $1::uuid`,
    [id, status, JSON.stringify(detail), done ?? null],
  );
}

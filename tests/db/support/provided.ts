/** What the db project's global set-up hands to every test file (through Vitest's provide/inject). */
export type TestDatabaseInfo =
  | { kind: "pglite"; snapshotPath: string }
  | { kind: "postgres"; url: string; serverUrl: string };

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: TestDatabaseInfo;
  }
}

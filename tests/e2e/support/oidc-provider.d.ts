// oidc-provider ships no type declarations; the test server uses a small part of it.
declare module "oidc-provider" {
  const Provider: new (issuer: string, configuration: Record<string, unknown>) => {
    listen(port: number, host: string, callback?: () => void): import("node:http").Server;
    proxy: boolean;
    on(event: string, listener: (...args: unknown[]) => void): void;
  };
  export default Provider;
}

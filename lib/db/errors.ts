/** A configuration or set-up problem, told to the person starting the app in one French sentence. */
export class DbSetupError extends Error {
  override name = "DbSetupError";
}

"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/** False in the server's HTML and until hydration, then true: what only JavaScript can offer waits for it. */
export const useHydrated = () => useSyncExternalStore(subscribe, () => true, () => false);

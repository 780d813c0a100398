// The CSP nonce of the response being rendered, for the few inline scripts Remix writes (<Scripts>,
// <ScrollRestoration>). Set by entry.server; in the browser it is undefined (browsers hide nonces from the DOM).
import { createContext, useContext } from "react";

const NonceContext = createContext<string | undefined>(undefined);

export const NonceProvider = NonceContext.Provider;

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}

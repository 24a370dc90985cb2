import type { Services } from './services.ts';

/**
 * The name src/answers still uses for the services it reads (library, store, clock). It is the
 * services, not the composed application (that is adapters/compose.ts), so importing it closes
 * no circle. New code imports `Services` from services.ts; this alias goes once src/answers does.
 */
export type App = Services;

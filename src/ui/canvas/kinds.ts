// The display name of each party kind (colours: --kind-* tokens in theme.css; icons: party-kinds.tsx).
import type { PartyKind } from '../../engine/index';

/** The display name of each party kind. */
export const KIND_LABELS: Record<PartyKind, string> = {
  authority: 'Authority (Entra ID)',
  daemon: 'Daemon app',
  'web-app': 'Web app',
  spa: 'Single-page app',
  'middle-tier-api': 'Middle-tier web API',
  api: 'Web API',
  'saml-service': 'SAML web service',
  browser: 'Browser',
  user: 'User',
};

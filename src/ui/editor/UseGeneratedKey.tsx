// After "Generate a certificate": make the parties that authenticate as this app sign their
// client assertions with the new certificate's key (private_key_jwt).
import { useState, type ReactElement } from 'react';
import {
  partiesSigningInAs,
  signInWithGeneratedKey,
  type WorldGeneratedKey,
} from '../../state/world/sign-with-key';
import type { TabProps } from './DirectoryTab';

/** The certificate just generated in this page, for one app, with its private key. */
export interface GeneratedForApp {
  appId: string;
  subject: string;
  key: WorldGeneratedKey;
}

/**
 * The "Use it to sign in as this app" button for the certificate just generated on `appId`, or a
 * note when no party authenticates as that app. After use, a status line names the parties.
 */
export function UseGeneratedKey({
  world,
  replace,
  generated,
}: TabProps & { generated: GeneratedForApp }): ReactElement {
  const [used, setUsed] = useState<string | null>(null);
  const ids = partiesSigningInAs(world, generated.appId);
  const names = world.parties
    .filter((p) => ids.includes(p.id))
    .map((p) => p.label)
    .join(', ');
  if (ids.length === 0)
    return (
      <p className="editor-note">
        No party signs in as this app yet, so nobody can use the new certificate; add one on the
        Parties tab.
      </p>
    );
  return (
    <div className="editor-actions">
      <button
        type="button"
        className="editor-small-button"
        aria-describedby="use-generated-key-note"
        onClick={() => {
          replace(signInWithGeneratedKey(world, generated.appId, generated.key));
          setUsed(names);
        }}
      >
        Use it to sign in as this app
      </button>
      <span id="use-generated-key-note" className="editor-note" aria-live="polite">
        {used
          ? `${used} now sign${ids.length === 1 ? 's' : ''} client assertions with “${generated.subject}” (private_key_jwt, PS256).`
          : `${names}: private_key_jwt with the key of “${generated.subject}”.`}
      </span>
    </div>
  );
}

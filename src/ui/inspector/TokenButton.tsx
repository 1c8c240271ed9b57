// A button that opens a token's decoded view on the Tokens tab.
import type { ReactElement } from 'react';
import type { TokenRef } from '../../state/index';

/** "View token A decoded": switches to the Tokens tab and scrolls to the token. */
export function TokenButton({
  tokenRef,
  onShow,
}: {
  tokenRef: TokenRef;
  onShow: (token: string) => void;
}): ReactElement {
  return (
    <button type="button" className="link-button token-chip" onClick={() => onShow(tokenRef.token)}>
      View {tokenRef.name} decoded
    </button>
  );
}

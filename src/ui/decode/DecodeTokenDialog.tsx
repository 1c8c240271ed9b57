// The "Decode a token" dialog: paste any JWT (or a SAML assertion) and see it as the inspector shows a run's tokens, decoded in the browser.
import { useId, useRef, useState, type ReactElement } from 'react';
import type { TokenInspection } from '../../engine/index';
import { formatClock, loadEngine, type TokenRef } from '../../state/index';
import { useModalDialog } from '../dialogs/use-modal-dialog';
import { TokenCard } from '../inspector/TokenCard';
import '../dialogs/panel-dialog.css';
import './decode.css';

/** Props of {@link DecodeTokenDialog}. */
export interface DecodeTokenDialogProps {
  onClose: () => void;
}

type Decoded =
  | { state: 'idle' }
  | { state: 'error'; message: string }
  | { state: 'token'; inspection: TokenInspection; now: number };

/** Wall-clock now in epoch seconds: the dialog's times are relative to the real clock, not a run's. */
const wallClockNow = (): number => Math.floor(Date.now() / 1000);

/**
 * Modal dialog named "Decode a token": a "JWT" text box whose content is decoded in the browser
 * (whitespace and a `Bearer ` prefix trimmed) into the inspector's token card (header, claims with
 * explanations and times relative to now, kind, version, signature status), or a message naming
 * the malformed part. Nothing is sent anywhere.
 */
export function DecodeTokenDialog({ onClose }: DecodeTokenDialogProps): ReactElement {
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const handlers = useModalDialog(ref, onClose);
  const [text, setText] = useState('');
  const [decoded, setDecoded] = useState<Decoded>({ state: 'idle' });
  const request = useRef(0);

  const decode = (value: string): void => {
    setText(value);
    const mine = ++request.current;
    if (value.trim() === '') {
      setDecoded({ state: 'idle' });
      return;
    }
    loadEngine()
      .then(({ engine }) => engine.inspectToken(value))
      .then(
        (result) => {
          if (mine !== request.current) return;
          setDecoded(
            'error' in result
              ? { state: 'error', message: result.message }
              : { state: 'token', inspection: result, now: wallClockNow() },
          );
        },
        () => {
          if (mine !== request.current) return;
          setDecoded({
            state: 'error',
            message: 'The decoder could not load. Check your connection and try again.',
          });
        },
      );
  };

  const tokenRef: TokenRef | null =
    decoded.state === 'token'
      ? {
          token: decoded.inspection.token,
          name: 'pasted token',
          inspection: decoded.inspection,
          location: 'pasted into this dialog',
          message: 'request',
        }
      : null;

  return (
    <dialog
      ref={ref}
      className="panel-dialog decode-dialog"
      aria-modal="true"
      aria-labelledby={`${id}-title`}
      {...handlers}
    >
      <div className="panel-dialog-head">
        <h2 id={`${id}-title`}>Decode a token</h2>
        <button type="button" className="panel-dialog-close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      <p className="panel-dialog-intro">
        Paste a JWT (one from a run here, or a real Microsoft Entra token) or a SAML assertion as
        the SAML answer of OBO carries it (base64url, base64, or after <code>SAML </code>). It is
        decoded in this browser tab; nothing is sent anywhere. Signatures are checked only against
        the simulator&apos;s own keys.
      </p>
      <label className="decode-field" htmlFor={`${id}-jwt`}>
        JWT
      </label>
      <textarea
        id={`${id}-jwt`}
        className="decode-input"
        rows={5}
        spellCheck={false}
        autoComplete="off"
        autoCapitalize="off"
        placeholder="eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOi…"
        aria-invalid={decoded.state === 'error'}
        aria-describedby={`${id}-result`}
        data-autofocus
        value={text}
        onChange={(event) => decode(event.target.value)}
      />
      <div id={`${id}-result`} className="decode-result" aria-live="polite">
        {decoded.state === 'error' ? <p className="decode-error">{decoded.message}</p> : null}
        {decoded.state === 'token' ? (
          <p className="decode-now muted">
            Times are shown relative to now ({formatClock(decoded.now).time}, your clock).
          </p>
        ) : null}
      </div>
      {tokenRef && decoded.state === 'token' ? (
        <TokenCard tokenRef={tokenRef} now={decoded.now} anchored={false} />
      ) : null}
    </dialog>
  );
}

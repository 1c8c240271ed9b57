// Per message: copy the request as curl (bash, PowerShell) or as the MSAL call that sends it.
import { useState, type ReactElement } from 'react';
import type { SimStep } from '../../engine/index';
import { useAppStore, type AppState } from '../../state/index';
import type { MsalLanguage } from '../../state/export/index';
import { useExports } from './use-exports';

const LANGUAGES: { value: MsalLanguage; label: string }[] = [
  { value: 'node', label: 'MSAL for Node' },
  { value: 'dotnet', label: 'MSAL.NET' },
  { value: 'python', label: 'MSAL for Python' },
];

const selectRun = (s: AppState) => ({ run: s.run });

/**
 * Buttons under a request: "Copy as curl (bash)", "Copy as curl (PowerShell)" and, for token
 * requests that an MSAL library would send, "Copy as code" in the chosen language.
 */
export function RequestActions({ step }: { step: SimStep }): ReactElement {
  const exports = useExports();
  const { run } = useAppStore(selectRun);
  const [language, setLanguage] = useState<MsalLanguage>('node');
  const [status, setStatus] = useState('');
  const copy = async (what: string, text: string): Promise<void> => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus(`${what} copied.`);
    } catch {
      setStatus(`The browser did not allow copying ${what}.`);
    }
  };
  const code = exports && run ? exports.toMsalCode(run, step, language) : null;
  return (
    <div className="request-actions" role="group" aria-label="Copy this request">
      <button
        type="button"
        className="control"
        disabled={!exports}
        onClick={() => exports && void copy('curl (bash)', exports.toCurl(step.request, 'bash'))}
      >
        Copy as curl (bash)
      </button>
      <button
        type="button"
        className="control"
        disabled={!exports}
        onClick={() =>
          exports && void copy('curl (PowerShell)', exports.toCurl(step.request, 'powershell'))
        }
      >
        Copy as curl (PowerShell)
      </button>
      {code !== null ? (
        <span className="request-actions-code">
          <label>
            <span className="sr-only">Language</span>
            <select
              value={language}
              onChange={(e) =>
                setLanguage(LANGUAGES.find((l) => l.value === e.target.value)?.value ?? 'node')
              }
              aria-label="Language"
            >
              {LANGUAGES.map((l) => (
                <option key={l.value} value={l.value}>
                  {l.label}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="control" onClick={() => void copy('The code', code)}>
            Copy as code
          </button>
        </span>
      ) : null}
      <span className="request-actions-status" role="status">
        {status}
      </span>
    </div>
  );
}

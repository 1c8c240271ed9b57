// A button that copies text to the clipboard and says whether it worked.
import { useState, type ReactElement } from 'react';

/** Props of {@link CopyButton}. */
export interface CopyButtonProps {
  text: string;
  /** The button's accessible name, e.g. `Copy link`. */
  label: string;
}

/**
 * Copies `text` with the asynchronous Clipboard API. When the browser refuses (no permission,
 * an embed without clipboard access), it says so and asks the person to copy by hand; the text
 * box next to it holds the same text, selected on focus.
 */
export function CopyButton({ text, label }: CopyButtonProps): ReactElement {
  const [result, setResult] = useState<'copied' | 'failed' | null>(null);
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(text);
      setResult('copied');
    } catch {
      setResult('failed');
    }
  };
  return (
    <span className="copy-button">
      <button type="button" className="control" onClick={() => void copy()}>
        {label}
      </button>
      <span role="status" className={`copy-result${result === 'failed' ? ' is-failed' : ''}`}>
        {result === 'copied'
          ? 'Copied'
          : result === 'failed'
            ? 'The browser did not allow copying: select the text and press Ctrl+C'
            : ''}
      </span>
    </span>
  );
}

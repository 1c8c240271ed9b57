// Shows the prompt the flow waits at as a modal dialog: sign-in, MFA, consent. (The clock prompt is
// an inline panel at the end of the timeline, see Timeline.)
import type { ReactElement } from 'react';
import type { UserDecision } from '../../engine/index';
import { selectPrompt, useAppStore } from '../../state/index';
import { ConsentDialog } from './ConsentDialog';
import { MfaDialog } from './MfaDialog';
import { SignInDialog } from './SignInDialog';
import './dialogs.css';

function hostOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

/** The current prompt, or nothing. Answering hands the decision to the store, which re-runs. */
export function PromptLayer(): ReactElement | null {
  const { prompt, pageUrl, answerPrompt, stepBack } = useAppStore(selectPrompt);
  if (!prompt) return null;
  const host = hostOf(pageUrl ?? undefined);
  const onAnswer = (decision: UserDecision): void => void answerPrompt(decision);
  switch (prompt.prompt) {
    case 'sign-in':
      return <SignInDialog prompt={prompt} host={host} onAnswer={onAnswer} onDismiss={stepBack} />;
    case 'mfa':
      return <MfaDialog prompt={prompt} host={host} onAnswer={onAnswer} onDismiss={stepBack} />;
    case 'consent':
      return <ConsentDialog prompt={prompt} host={host} onAnswer={onAnswer} onDismiss={stepBack} />;
    case 'clock':
      return null;
  }
}

// The embedded player: canvas, step controls, a small inspector and the outcome, for docs pages.
import { useEffect, useLayoutEffect, useRef, type ReactElement } from 'react';
import { buildShareLink } from '../../state/sharing';
import {
  appStore,
  findScenario,
  linkFieldsOf,
  pageBase,
  scenarioParties,
  selectLinkState,
  useAppStore,
  type AppState,
} from '../../state/index';
import { StepControls } from '../controls/StepControls';
import { useKeyboardShortcuts } from '../controls/use-keyboard-shortcuts';
import { Inspector } from '../inspector/Inspector';
import { LiveAnnouncer } from '../shell/LiveAnnouncer';
import { Notices } from '../shell/Notices';
import { ScenarioPicker } from '../shell/ScenarioPicker';
import { WhatIfPanel } from '../shell/WhatIfPanel';
import { DiagramArea } from '../sequence/DiagramArea';
import { applyThemeChoice } from '../shell/theme-choice';
import { useHostMessages } from './use-host-messages';
import './embed.css';

const selectEmbed = (s: AppState) => ({
  ...linkFieldsOf(s),
  run: s.run,
  catalogue: s.catalogue,
  status: s.status,
});

/** The compact player an embed link opens (see `EmbedOptions`). */
export function EmbedApp(): ReactElement {
  useKeyboardShortcuts();
  const root = useRef<HTMLDivElement>(null);
  useHostMessages(root);
  const state = useAppStore(selectEmbed);
  const { run, catalogue, scenarioId, embed, status } = state;
  const scenario = findScenario(catalogue, scenarioId);
  const parties = run?.parties ?? (scenario ? scenarioParties(scenario) : null);
  const locked = embed?.locked ?? true;
  const full = buildShareLink(pageBase(), { ...selectLinkState(state), embed: undefined }, true);

  // The link's theme, not the person's choice in the simulator: "system" follows the browser.
  const theme = embed?.theme ?? 'system';
  useLayoutEffect(() => applyThemeChoice(theme), [theme]);

  // Autoplay once the first run is ready (never when the person prefers reduced motion).
  const autoplayed = useRef(false);
  useEffect(() => {
    if (autoplayed.current || status !== 'ready' || !embed?.autoplay) return;
    autoplayed.current = true;
    if (!window.matchMedia?.('(prefers-reduced-motion: reduce)').matches)
      appStore.getState().play();
  }, [status, embed?.autoplay]);

  return (
    <div className={`embed-app${embed?.switches && !locked ? ' has-switches' : ''}`} ref={root}>
      <div className="embed-bar">
        {embed?.picker && !locked ? (
          <ScenarioPicker />
        ) : (
          <h1 className="embed-title">{run?.title ?? scenario?.title ?? 'OAuth Flow Simulator'}</h1>
        )}
        <a className="embed-open" href={full} target="_blank" rel="noopener noreferrer">
          Open in the simulator
        </a>
      </div>
      <Notices />
      <div className="embed-main">
        {embed?.switches && !locked ? <WhatIfPanel /> : null}
        <DiagramArea run={run} parties={parties} scenarioId={scenarioId} />
        <Inspector />
      </div>
      <StepControls />
      <LiveAnnouncer />
    </div>
  );
}

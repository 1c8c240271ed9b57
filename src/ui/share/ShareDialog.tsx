// The Share dialog: a link to this exact state, and the code to embed it as a live player.
import { useId, useRef, useState, type ReactElement } from 'react';
import {
  buildEmbedCode,
  buildEmbedLink,
  buildMarkdownLink,
  buildShareLink,
  LINK_THEMES,
} from '../../state/sharing';
import {
  DEFAULT_EMBED,
  linkFieldsOf,
  pageBase,
  selectLinkState,
  useAppStore,
  type AppState,
  type EmbedOptions,
} from '../../state/index';
import { useModalDialog } from '../dialogs/use-modal-dialog';
import { THEME_LABELS } from '../shell/theme-choice';
import { CopyButton } from './CopyButton';
import { WorldTooLong } from './WorldTooLong';
import { MAX_SHARE_LINK_CHARS } from '../../state/world/link-world';
import '../dialogs/panel-dialog.css';
import './share.css';

/** What a link is made of (each field compared on its own, so the dialog renders only on change). */
const selectShare = (s: AppState) => ({ ...linkFieldsOf(s), run: s.run, worldName: s.worldName });

const SIZES = [
  { label: '800 x 500', width: 800, height: 500 },
  { label: '640 x 400', width: 640, height: 400 },
  { label: '960 x 600', width: 960, height: 600 },
] as const;

/** Props of {@link ShareDialog}. */
export interface ShareDialogProps {
  onClose: () => void;
}

/**
 * Modal dialog named "Share": a read-only "Link" with "Copy link" (with or without the current
 * step), and an "Embed" section building an `<iframe>` ("Embed code") and a Markdown fallback
 * from the player's options (step range, size, theme, locked, autoplay, panels, host origins).
 */
export function ShareDialog({ onClose }: ShareDialogProps): ReactElement {
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const handlers = useModalDialog(ref, onClose);
  const picked = useAppStore(selectShare);
  const link = selectLinkState(picked);
  const title = picked.run?.title ?? '';
  const total = picked.run?.steps.length ?? 0;
  const [includeStep, setIncludeStep] = useState(link.step >= 0);
  const [embed, setEmbed] = useState<EmbedOptions>({ ...DEFAULT_EMBED });
  const [origins, setOrigins] = useState('');
  const [size, setSize] = useState<(typeof SIZES)[number]>(SIZES[0]);
  const base = pageBase();
  const shareUrl = buildShareLink(base, link, includeStep);
  const allowed = origins
    .split(/[\s,]+/)
    .map((o) => o.trim())
    .filter((o) => /^https?:\/\/[^/\s]+$/.test(o))
    .slice(0, 10);
  const embedUrl = buildEmbedLink(base, link, { ...embed, origins: allowed });
  const frameTitle = `OAuth Flow Simulator: ${title}`;
  const code = buildEmbedCode(embedUrl, frameTitle, size);
  const markdown = buildMarkdownLink(buildShareLink(base, link, false), frameTitle);
  const stepField = (key: 'from' | 'to', value: string): void => {
    const n = Number(value);
    const step = value === '' || !Number.isInteger(n) || n < 1 ? undefined : Math.min(n, total) - 1;
    setEmbed((e) => {
      const { from, to, ...rest } = e;
      const range = { from, to, [key]: step };
      return {
        ...rest,
        ...(range.from === undefined ? {} : { from: range.from }),
        ...(range.to === undefined ? {} : { to: range.to }),
      };
    });
  };
  return (
    <dialog
      ref={ref}
      className="panel-dialog share-dialog"
      aria-modal="true"
      aria-labelledby={`${id}-title`}
      {...handlers}
    >
      <div className="panel-dialog-head">
        <h2 id={`${id}-title`}>Share</h2>
        <button type="button" className="panel-dialog-close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      <p className="panel-dialog-intro">
        Anyone with the link sees this flow as you see it: the same scenario, switches, answers and
        tokens. Nothing is uploaded: the state travels inside the link.
      </p>
      <div className="share-row">
        <label className="share-field">
          <span>Link</span>
          <input
            type="text"
            readOnly
            value={shareUrl}
            data-autofocus
            onFocus={(e) => e.currentTarget.select()}
          />
        </label>
        <CopyButton text={shareUrl} label="Copy link" />
      </div>
      {picked.world && shareUrl.length > MAX_SHARE_LINK_CHARS ? (
        <WorldTooLong
          length={shareUrl.length}
          world={picked.world}
          name={picked.worldName ?? picked.world.title}
        />
      ) : null}
      <label className="share-check">
        <input
          type="checkbox"
          checked={includeStep}
          onChange={(e) => setIncludeStep(e.target.checked)}
        />
        Open at the current step ({Math.max(link.step + 1, 0)} of {total}); unticked, the link
        starts before step 1
      </label>
      <section className="share-embed" aria-labelledby={`${id}-embed`}>
        <h3 id={`${id}-embed`}>Embed</h3>
        <div className="share-options">
          <label className="share-small">
            <span>Start step</span>
            <input
              type="number"
              min={1}
              max={total}
              placeholder="1"
              value={embed.from === undefined ? '' : embed.from + 1}
              onChange={(e) => stepField('from', e.target.value)}
            />
          </label>
          <label className="share-small">
            <span>End step</span>
            <input
              type="number"
              min={1}
              max={total}
              placeholder={String(total)}
              value={embed.to === undefined ? '' : embed.to + 1}
              onChange={(e) => stepField('to', e.target.value)}
            />
          </label>
          <label className="share-small">
            <span>Size</span>
            <select
              value={size.label}
              onChange={(e) => setSize(SIZES.find((s) => s.label === e.target.value) ?? SIZES[0])}
            >
              {SIZES.map((s) => (
                <option key={s.label}>{s.label}</option>
              ))}
            </select>
          </label>
          <label className="share-small">
            <span>Theme</span>
            <select
              value={embed.theme}
              onChange={(e) =>
                setEmbed({
                  ...embed,
                  theme: LINK_THEMES.find((t) => t === e.target.value) ?? 'system',
                })
              }
            >
              {LINK_THEMES.map((theme) => (
                <option key={theme} value={theme}>
                  {THEME_LABELS[theme]}
                </option>
              ))}
            </select>
          </label>
          <label className="share-check">
            <input
              type="checkbox"
              checked={embed.locked}
              onChange={(e) => setEmbed({ ...embed, locked: e.target.checked })}
            />
            Lock the scenario and switches
          </label>
          <label className="share-check">
            <input
              type="checkbox"
              checked={embed.autoplay}
              onChange={(e) => setEmbed({ ...embed, autoplay: e.target.checked })}
            />
            Autoplay
          </label>
          <label className="share-check">
            <input
              type="checkbox"
              checked={embed.switches}
              disabled={embed.locked}
              onChange={(e) => setEmbed({ ...embed, switches: e.target.checked })}
            />
            Show the what-if switches
          </label>
          <label className="share-check">
            <input
              type="checkbox"
              checked={embed.picker}
              disabled={embed.locked}
              onChange={(e) => setEmbed({ ...embed, picker: e.target.checked })}
            />
            Show the scenario picker
          </label>
          <label className="share-field">
            <span>Host origins that may control the player (postMessage)</span>
            <input
              type="text"
              placeholder="https://wiki.contoso.example"
              value={origins}
              onChange={(e) => setOrigins(e.target.value)}
            />
          </label>
        </div>
        <div className="share-row">
          <label className="share-field">
            <span>Embed code</span>
            <textarea readOnly rows={4} value={code} onFocus={(e) => e.currentTarget.select()} />
          </label>
          <CopyButton text={code} label="Copy embed code" />
        </div>
        <div className="share-row">
          <label className="share-field">
            <span>Markdown link (where iframes are not allowed)</span>
            <input
              type="text"
              readOnly
              value={markdown}
              onFocus={(e) => e.currentTarget.select()}
            />
          </label>
          <CopyButton text={markdown} label="Copy Markdown link" />
        </div>
      </section>
    </dialog>
  );
}

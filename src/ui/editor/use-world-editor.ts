// The editor's draft world: edits apply at once on screen and reach the store (which validates
// and re-runs) one at a time, the newest last; the store's answer gives the messages at the fields.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useAppStore, type AppState } from '../../state/index';
import { setIn, type WorldPath } from '../../state/world/edit';
import { worldFromScenario } from '../../state/world/convert';
import type { World, WorldIssue } from '../../state/world/schema';

const selectEditor = (s: AppState) => ({
  world: s.world,
  catalogue: s.catalogue,
  scenarioId: s.scenarioId,
  openWorld: s.openWorld,
  editWorld: s.editWorld,
  closeWorld: s.closeWorld,
});

/** Milliseconds of quiet typing before an edit re-runs the flow. */
export const EDIT_DELAY_MS = 250;

/** What the editor's tabs read and call. */
export interface WorldEditor {
  /** The world as edited (may be invalid: the messages say where). */
  draft: World | null;
  /** Issues of the newest edit the store refused (empty when it runs). */
  issues: WorldIssue[];
  /** Messages by dotted path, for the fields. */
  messages: ReadonlyMap<string, string>;
  /** True while an edit waits or runs. */
  pending: boolean;
  /** Sets `value` at `path` of the draft and re-runs after {@link EDIT_DELAY_MS}. */
  change: (path: WorldPath, value: unknown) => void;
  /** Replaces the whole draft (a form action such as "Add party", or the JSON tab). */
  replace: (value: unknown, now?: boolean) => void;
  /** Opens a template (resets the draft). */
  open: (world: World) => Promise<void>;
}

/**
 * The editor's state. The first edit opens a copy of the scenario on screen as a world, so every
 * edit applies to a copy of what is on screen.
 */
export function useWorldEditor(): WorldEditor {
  const { world, catalogue, scenarioId, openWorld, editWorld } = useAppStore(selectEditor);
  const [draft, setDraft] = useState<unknown>(world);
  const [issues, setIssues] = useState<WorldIssue[]>([]);
  const [pending, setPending] = useState(false);
  const queued = useRef<{ value: unknown } | null>(null);
  const running = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // Until the first edit the built-in scenario stays as it is: the draft is a copy of it, and
  // the first edit opens that copy as the world (so opening the editor changes nothing).
  const base = useMemo(() => {
    const scenario = catalogue?.find((s) => s.id === scenarioId);
    return scenario ? worldFromScenario(scenario) : null;
  }, [catalogue, scenarioId]);
  const current = useRef<{ world: World | null; base: World | null }>({ world, base });
  useEffect(() => {
    current.current = { world, base };
  }, [world, base]);

  // A world opened elsewhere (a link, "My scenarios", the first open) replaces the draft when no
  // edit is waiting (state adjusted during render, as React recommends over an effect).
  const [seen, setSeen] = useState(world);
  if (seen !== world) {
    setSeen(world);
    if (!pending) setDraft(world);
  }

  // Closing the editor right after typing still applies the edit (no change is lost).
  const flush = useRef<() => void>(() => undefined);
  useEffect(
    () => () => {
      if (timer.current === null) return;
      clearTimeout(timer.current);
      timer.current = null;
      flush.current();
    },
    [],
  );

  const drain = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    try {
      while (queued.current) {
        const { value } = queued.current;
        queued.current = null;
        const { world: open, base: copy } = current.current;
        if (!open && copy) await openWorld(copy);
        const result = await editWorld(value);
        if (!queued.current) setIssues(result.ok ? [] : result.issues);
      }
    } finally {
      running.current = false;
      setPending(timer.current !== null);
    }
  }, [editWorld, openWorld]);

  const submit = useCallback(
    (value: unknown, now = false) => {
      setPending(true);
      if (timer.current !== null) clearTimeout(timer.current);
      const go = () => {
        timer.current = null;
        queued.current = { value };
        void drain();
      };
      flush.current = go;
      if (now) go();
      else timer.current = setTimeout(go, EDIT_DELAY_MS);
    },
    [drain],
  );

  const change = useCallback(
    (path: WorldPath, value: unknown) => {
      setDraft((previous: unknown) => {
        const next = setIn(previous ?? current.current.world ?? current.current.base, path, value);
        submit(next);
        return next;
      });
    },
    [submit],
  );

  const replace = useCallback(
    (value: unknown, now = true) => {
      setDraft(value);
      submit(value, now);
    },
    [submit],
  );

  const open = useCallback(
    async (next: World) => {
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = null;
      queued.current = null;
      setDraft(next);
      setIssues([]);
      const result = await openWorld(next);
      if (!result.ok) setIssues(result.issues);
    },
    [openWorld],
  );

  const messages = useMemo(() => {
    const map = new Map<string, string>();
    for (const issue of issues) if (!map.has(issue.path)) map.set(issue.path, issue.message);
    return map;
  }, [issues]);

  // The forms read the draft as a world; the JSON tab may hold any value (its own text).
  const shaped =
    typeof draft === 'object' && draft !== null && Array.isArray((draft as World).parties)
      ? (draft as World)
      : (world ?? base);
  return { draft: shaped, issues, messages, pending, change, replace, open };
}

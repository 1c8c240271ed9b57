// The page's inline head script (keepEarlyInput) runs from its source text alone, in a context
// that has nothing but `window`, `document` and the DOM's classes: these tests run that source in
// such a context (node:vm) with a small fake document, so a reference to anything outside the
// function fails here before it fails in the page. The e2e journeys (e2e/hydration.spec.ts) check
// the same script in Chromium.
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { keepEarlyInput, replayEarlyInput, type EarlyInputQueue } from './early-input';

class FakeElement {
  parent: FakeElement | null = null;
  disabled = false;
  clicks = 0;
  events: string[] = [];
  constructor(
    readonly matches: string[],
    parent?: FakeElement,
  ) {
    this.parent = parent ?? null;
  }
  get isConnected(): boolean {
    return true;
  }
  closest(selector: string): FakeElement | null {
    const wanted = selector.split(',').map((part) => part.trim());
    if (this.matches.some((m) => wanted.includes(m))) return this;
    return this.parent?.closest(selector) ?? null;
  }
  contains(other: FakeElement): boolean {
    for (let at: FakeElement | null = other; at; at = at.parent) if (at === this) return true;
    return false;
  }
  attributes = new Map<string, string>();
  setAttribute(name: string, value: string): void {
    this.attributes.set(name, value);
  }
  removeAttribute(name: string): void {
    this.attributes.delete(name);
  }
  click(): void {
    this.clicks += 1;
  }
  dispatchEvent(event: { type: string; key?: string }): boolean {
    this.events.push(event.key ?? event.type);
    return true;
  }
}
class FakeSelect extends FakeElement {}
class FakeScript extends FakeElement {}

type Listener = (event: unknown) => void;

/** A document with #root, a Play button inside it and a link outside, and its listeners. */
function fakePage(hash = '') {
  const listeners = new Map<string, Listener>();
  const root = new FakeElement(['#root']);
  const play = new FakeElement(['button'], root);
  play.disabled = true;
  const flow = new FakeElement(['.react-flow'], root);
  const node = new FakeElement(['[role="button"]'], flow);
  const outside = new FakeElement(['button']);
  let observed: (() => void) | null = null;
  const document = {
    body: new FakeElement(['body']),
    documentElement: new FakeElement(['html']),
    getElementById: (id: string) => (id === 'root' ? root : null),
    querySelectorAll: (selector: string) => (selector === 'button[data-early]' ? [play] : []),
    addEventListener: (type: string, listener: Listener) => listeners.set(type, listener),
    removeEventListener: (type: string) => listeners.delete(type),
  };
  class MutationObserver {
    constructor(readonly callback: () => void) {}
    observe(): void {
      observed = this.callback;
    }
    disconnect(): void {
      observed = null;
    }
  }
  const window: { location: { hash: string; search: string }; ofsEarlyInput?: EarlyInputQueue } = {
    location: { hash, search: '' },
  };
  const context = {
    window,
    document,
    MutationObserver,
    Element: FakeElement,
    HTMLSelectElement: FakeSelect,
    HTMLScriptElement: FakeScript,
  };
  runInNewContext(`(${keepEarlyInput.toString()})();`, context);
  /** Sends an event to the document's capturing listener of `type`. */
  const send = (type: string, fields: Record<string, unknown>) => {
    const event = { type, prevented: false, stopped: false, ...fields };
    listeners.get(type)?.({
      ...event,
      preventDefault: () => (event.prevented = true),
      stopImmediatePropagation: () => (event.stopped = true),
    });
    return event;
  };
  return {
    window,
    document,
    listeners,
    root,
    play,
    node,
    outside,
    send,
    parse: () => observed?.(),
  };
}

const globals = globalThis as { window?: unknown; document?: unknown; KeyboardEvent?: unknown };
afterEach(() => {
  delete globals.window;
  delete globals.document;
  delete globals.KeyboardEvent;
});

describe('keepEarlyInput, the inline head script', () => {
  it('runs from its source alone and enables the early buttons as they are parsed', () => {
    const page = fakePage();
    expect(page.window.ofsEarlyInput?.kept).toEqual([]);
    expect(page.play.disabled).toBe(true);
    page.parse();
    expect(page.play.disabled).toBe(false);
  });

  it('keeps clicks on the screen controls, but not on the canvas or outside the app', () => {
    const page = fakePage();
    const onPlay = page.send('click', { target: page.play });
    expect(onPlay.prevented).toBe(true);
    expect(page.send('click', { target: page.node }).prevented).toBe(false);
    expect(page.send('click', { target: page.outside }).prevented).toBe(false);
    expect(page.window.ofsEarlyInput?.kept).toEqual([{ kind: 'click', element: page.play }]);
    // The kept press shows as taken.
    expect(page.play.attributes.get('aria-busy')).toBe('true');
    expect(page.node.attributes.has('aria-busy')).toBe(false);
  });

  it('keeps shortcut keys pressed on the page, and leaves other keys alone', () => {
    const page = fakePage();
    expect(page.send('keydown', { key: 'ArrowRight', target: page.document.body }).prevented).toBe(
      true,
    );
    page.send('keydown', { key: 'a', target: page.document.body });
    page.send('keydown', { key: 'Home', target: page.document.body, ctrlKey: true });
    expect(page.window.ofsEarlyInput?.kept.map((input) => input.kind)).toEqual(['key']);
  });

  it('turns the early buttons off again and keeps nothing when the entry script cannot load', () => {
    const page = fakePage();
    page.parse();
    page.send('click', { target: page.play });
    page.send('error', { target: new FakeScript(['script']) });
    expect(page.play.disabled).toBe(true);
    expect(page.play.attributes.has('aria-busy')).toBe(false);
    expect(page.window.ofsEarlyInput?.kept).toEqual([]);
    expect(page.listeners.size).toBe(0);
  });

  it('does nothing when a link opens the page', () => {
    const page = fakePage('#s=abc');
    expect(page.window.ofsEarlyInput).toBeUndefined();
    expect(page.listeners.size).toBe(0);
  });

  it('hands what it kept to replayEarlyInput, which stops listening and replays in order', async () => {
    const page = fakePage();
    page.send('click', { target: page.play });
    page.send('keydown', { key: 'ArrowLeft', target: page.document.body });
    globals.window = page.window;
    const html = { dataset: {} as Record<string, string> };
    globals.document = { documentElement: html };
    globals.KeyboardEvent = class {
      constructor(
        readonly type: string,
        init: { key: string },
      ) {
        Object.assign(this, init);
      }
    };
    // Each input waits for the run the one before started.
    const seen: string[] = [];
    await replayEarlyInput(async () => {
      seen.push(
        `settled after ${page.play.clicks} click(s), ${page.document.body.events.length} key(s)`,
      );
      await Promise.resolve();
    });
    expect(seen).toEqual([
      'settled after 1 click(s), 0 key(s)',
      'settled after 1 click(s), 1 key(s)',
    ]);
    expect(page.play.clicks).toBe(1);
    expect(page.play.attributes.has('aria-busy')).toBe(false);
    expect(page.document.body.events).toEqual(['ArrowLeft']);
    expect(page.listeners.size).toBe(0);
    expect(page.window.ofsEarlyInput?.kept).toEqual([]);
    // From here on input goes to the app, and the page says so.
    expect(html.dataset.started).toBe('true');
  });
});

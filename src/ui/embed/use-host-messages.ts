// The embed's side of postMessage: reports its height and step to the host, obeys allowed hosts.
import { useEffect, type RefObject } from 'react';
import { appStore, type PlayerMessage } from '../../state/index';
import { MESSAGE_SOURCE, readHostMessage } from '../../state/sharing';

function post(message: PlayerMessage): void {
  // Sizes and step numbers only: nothing secret, so any host may read them.
  if (window.parent !== window) window.parent.postMessage(message, '*');
}

/**
 * While mounted in an embed: posts `resize` with the content's height whenever `content` changes
 * size and `step` whenever the cursor or the run changes; applies `goto`, `play` and `pause`
 * from the origins the embed link allows, and silently ignores every other message.
 */
export function useHostMessages(content: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const element = content.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    let last = -1;
    const observer = new ResizeObserver(() => {
      const height = Math.ceil(element.scrollHeight);
      if (height === last) return;
      last = height;
      post({ source: MESSAGE_SOURCE, type: 'resize', height });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [content]);

  useEffect(() => {
    let index: number | null = null;
    let total: number | null = null;
    const report = (): void => {
      const state = appStore.getState();
      if (state.status !== 'ready' || !state.run) return;
      if (state.cursor === index && state.run.steps.length === total) return;
      index = state.cursor;
      total = state.run.steps.length;
      post({ source: MESSAGE_SOURCE, type: 'step', index, total });
    };
    report();
    return appStore.subscribe(report);
  }, []);

  useEffect(() => {
    const onMessage = (event: MessageEvent): void => {
      const state = appStore.getState();
      const message = readHostMessage(event.data, event.origin, state.embed?.origins ?? []);
      if (!message) return;
      if (message.type === 'goto') state.goToStep(message.index);
      else if (message.type === 'play') state.play();
      else state.pause();
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, []);
}

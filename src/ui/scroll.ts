// Scrolls an element into view inside its own scrolling panel only, never the page around it.

function scrollParent(element: Element): HTMLElement | null {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if ((overflowY === 'auto' || overflowY === 'scroll') && node.scrollHeight > node.clientHeight)
      return node;
  }
  return null;
}

/**
 * Brings `element` into view by scrolling its nearest scrollable ancestor, like
 * `scrollIntoView({ block })` but without ever scrolling the document, so an embedded player
 * never moves the host page it sits in. `nearest` scrolls only as far as needed; `start` puts
 * the element at the top of the panel.
 */
export function scrollWithinPanel(
  element: Element | null,
  block: 'nearest' | 'start' = 'nearest',
): void {
  if (!element) return;
  const panel = scrollParent(element);
  if (!panel) return;
  const box = element.getBoundingClientRect();
  const frame = panel.getBoundingClientRect();
  const top = box.top - frame.top + panel.scrollTop;
  if (block === 'start') {
    panel.scrollTop = top;
    return;
  }
  if (box.top < frame.top) panel.scrollTop = top;
  else if (box.bottom > frame.bottom) panel.scrollTop = top + box.height - panel.clientHeight;
}

import { useEffect } from 'react';

/** The message an embedded atlas posts to its parent (DESIGN.md); `public/embed.js` listens for it. */
export const HEIGHT_MESSAGE = 'karabakh-atlas:height';
/** The message `public/embed.js` sends to ask an atlas that loaded first for its height again. */
export const HEIGHT_REQUEST = 'karabakh-atlas:request-height';

/** The payload of {@link HEIGHT_MESSAGE}. */
export interface HeightMessage {
  type: typeof HEIGHT_MESSAGE;
  version: 1;
  /** The page's content height in CSS pixels. */
  height: number;
}

/**
 * In an embed, makes the page as tall as its content (`:root[data-embed]`, see share.css) and posts that
 * height to the parent page whenever it changes, so the host's iframe can fit it without a scroll bar.
 * Nothing happens outside an embed or when the page is not in a frame.
 */
export function useEmbedHeight(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const root = document.documentElement;
    const parent = window.parent;
    // `framed`: the page never scrolls itself, so a wheel over it scrolls the host page.
    root.dataset.embed = parent === window ? 'page' : 'framed';
    if (parent === window) {
      return () => {
        delete root.dataset.embed;
      };
    }

    let last = -1;
    const post = (force: boolean) => {
      // The body's box, not the viewport: the iframe's own height must not feed back into the measure.
      const height = Math.ceil(document.body.getBoundingClientRect().height);
      if (height <= 0 || (!force && height === last)) return;
      last = height;
      const message: HeightMessage = { type: HEIGHT_MESSAGE, version: 1, height };
      // The height says nothing private, and the host's origin is not known in advance: any origin may read it.
      parent.postMessage(message, '*');
    };
    const observer = new ResizeObserver(() => post(false));
    observer.observe(document.body);
    const onMessage = (event: MessageEvent) => {
      const data = event.data as { type?: unknown } | null;
      if (event.source === parent && data && typeof data === 'object' && data.type === HEIGHT_REQUEST)
        post(true);
    };
    window.addEventListener('message', onMessage);
    post(true);
    return () => {
      observer.disconnect();
      window.removeEventListener('message', onMessage);
      delete root.dataset.embed;
    };
  }, [enabled]);
}

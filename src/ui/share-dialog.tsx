import { useEffect, useId, useRef, useState } from 'react';
import { formatDayLong } from '../data/dates';
import { NAME_STYLES, type NameStyle } from '../data/place-names';
import { formatUrlState, parseUrlState, type ThemeSetting } from '../url/url-state';
import './share.css';

/** What a reader can choose for an embed. */
export interface EmbedOptions {
  theme: ThemeSetting;
  names: NameStyle;
  /** Show the timeline under the map. */
  timeline: boolean;
}

/** Height of the plain iframe, which cannot resize itself: room for the map, legend and timeline. */
export function embedHeight(options: Pick<EmbedOptions, 'timeline'>): number {
  return options.timeline ? 680 : 560;
}

/**
 * The embed's address: the same view (range, filters, selection, camera) with `embed=1` and the chosen
 * options; presentation and search are left out, since an embed never starts a presentation by itself.
 */
export function createEmbedUrl(viewUrl: string, options: EmbedOptions): string {
  const url = new URL(viewUrl);
  const state = parseUrlState(url.search, url.hash);
  const query = formatUrlState(
    { ...state, ...options, embed: true, present: false, step: null, q: '' },
    url.search,
  );
  return `${url.origin}${url.pathname}${query}`;
}

/** The same view as a full page: the embed's "Open the full atlas" link. */
export function createFullAtlasUrl(viewUrl: string): string {
  const url = new URL(viewUrl);
  const state = parseUrlState(url.search, url.hash);
  const query = formatUrlState({ ...state, embed: false, timeline: true }, url.search);
  return `${url.origin}${url.pathname}${query}`;
}

/** Escapes text for an HTML attribute value in double quotes. */
function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The plain embed code: an iframe of fixed height with a title for screen readers. */
export function createIframeCode(src: string, title: string, height: number): string {
  return (
    `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" width="100%" ` +
    `height="${height}" style="border:0;width:100%" allow="fullscreen" loading="lazy"></iframe>`
  );
}

/**
 * The responsive embed code: the iframe marked `data-karabakh-atlas` and the site's own `embed.js`, which
 * sets the iframe's height from the atlas's height messages.
 */
export function createResponsiveCode(src: string, title: string, height: number, scriptUrl: string): string {
  return (
    `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" data-karabakh-atlas ` +
    `width="100%" height="${height}" style="border:0;width:100%;display:block" allow="fullscreen" ` +
    `loading="lazy"></iframe>\n<script src="${escapeAttribute(scriptUrl)}" async></script>`
  );
}

const NAME_STYLE_LABELS: Record<NameStyle, string> = {
  dual: 'Both names',
  hy: 'Armenian',
  az: 'Azerbaijani',
  en: 'English',
};

/** Copies text, falling back to the selection where the Clipboard API is refused (insecure origins). */
async function copyText(
  text: string,
  field: HTMLTextAreaElement | HTMLInputElement | null,
): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!field) return false;
    field.focus();
    field.select();
    return document.execCommand('copy');
  }
}

function CopyField({ label, value, multiline }: { label: string; value: string; multiline?: boolean }) {
  const id = useId();
  const fieldRef = useRef<HTMLTextAreaElement & HTMLInputElement>(null);
  // The status belongs to the text it was about: a changed code clears it.
  const [copied, setCopied] = useState<{ value: string; text: string } | null>(null);
  const status = copied?.value === value ? copied.text : '';
  return (
    <div className="copy-field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-field-row">
        {multiline ? (
          <textarea id={id} ref={fieldRef} readOnly value={value} rows={4} spellCheck={false} />
        ) : (
          <input id={id} ref={fieldRef} readOnly value={value} spellCheck={false} />
        )}
        <button
          type="button"
          onClick={async () =>
            setCopied({
              value,
              text: (await copyText(value, fieldRef.current)) ? 'Copied' : 'Select the text and copy it',
            })
          }
        >
          Copy<span className="visually-hidden"> {label.toLowerCase()}</span>
        </button>
      </div>
      <p className="copy-status" role="status">
        {status}
      </p>
    </div>
  );
}

export interface ShareDialogProps {
  /** The address of the view being shared (the page's URL). */
  viewUrl: string;
  /** The embed's accessible title ("Karabakh Atlas: events, 27 September – 1 December 2020"). */
  title: string;
  /** The view's own theme and name style, which the embed options start from. */
  theme: ThemeSetting;
  names: NameStyle;
  onClose: () => void;
}

/**
 * The Share dialog: the link to this exact view, and the embed code in two forms (a plain iframe, and a
 * responsive one that resizes itself with the site's `embed.js`), with the embed's theme, name style and
 * timeline as options.
 */
export function ShareDialog({ viewUrl, title, theme, names, onClose }: ShareDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [options, setOptions] = useState<EmbedOptions>({ theme, names, timeline: true });

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const src = createEmbedUrl(viewUrl, options);
  const scriptUrl = new URL('embed.js', document.baseURI).href;
  const height = embedHeight(options);

  return (
    <dialog ref={dialogRef} className="share-dialog" aria-labelledby="share-dialog-title" onClose={onClose}>
      <header className="share-dialog-header">
        <h2 id="share-dialog-title">Share this view</h2>
        <button
          type="button"
          className="icon-button"
          onClick={() => dialogRef.current?.close()}
          aria-label="Close sharing"
        >
          ×
        </button>
      </header>
      <CopyField label="Link to this view" value={viewUrl} />
      <fieldset className="embed-options">
        <legend>Embed options</legend>
        <label>
          <span className="control-label">Theme</span>
          <select
            value={options.theme}
            onChange={(e) => setOptions({ ...options, theme: e.target.value as ThemeSetting })}
          >
            <option value="auto">Reader's setting</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </label>
        <label>
          <span className="control-label">Place names</span>
          <select
            value={options.names}
            onChange={(e) => setOptions({ ...options, names: e.target.value as NameStyle })}
          >
            {NAME_STYLES.map((style) => (
              <option key={style} value={style}>
                {NAME_STYLE_LABELS[style]}
              </option>
            ))}
          </select>
        </label>
        <label className="checkbox-label">
          <input
            type="checkbox"
            checked={options.timeline}
            onChange={(e) => setOptions({ ...options, timeline: e.target.checked })}
          />
          Show the timeline
        </label>
      </fieldset>
      <CopyField
        label="Responsive embed code"
        value={createResponsiveCode(src, title, height, scriptUrl)}
        multiline
      />
      <p className="share-hint">Fits its height to the content. Paste it where the page allows scripts.</p>
      <CopyField label="Plain iframe code" value={createIframeCode(src, title, height)} multiline />
      <p className="share-hint">
        For pages that allow no scripts: a fixed height of {height} pixels.{' '}
        <a href={src} target="_blank" rel="noopener">
          Preview the embed
        </a>
      </p>
    </dialog>
  );
}

export interface ShareButtonProps {
  /** The view's range, in days, for the embed's title. */
  range: [number, number] | null;
  theme: ThemeSetting;
  names: NameStyle;
}

/** The header's Share button, which opens the Share dialog on the page's current address. */
export function ShareButton({ range, theme, names }: ShareButtonProps) {
  const [viewUrl, setViewUrl] = useState<string | null>(null);
  const title = range
    ? `Karabakh Atlas: events, ${formatDayLong(range[0])} – ${formatDayLong(range[1])}`
    : 'Karabakh Atlas';
  return (
    <>
      <button type="button" onClick={() => setViewUrl(window.location.href)}>
        Share
      </button>
      {viewUrl && (
        <ShareDialog
          viewUrl={viewUrl}
          title={title}
          theme={theme}
          names={names}
          onClose={() => setViewUrl(null)}
        />
      )}
    </>
  );
}

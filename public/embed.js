/*
 * Karabakh Atlas embed script: makes embedded atlas iframes as tall as their content.
 *
 * Put it once on a page that embeds the atlas with the responsive code of the Share dialog:
 *
 *   <iframe src="https://example.org/atlas/?embed=1" data-karabakh-atlas title="…" …></iframe>
 *   <script src="https://example.org/atlas/embed.js" async></script>
 *
 * The atlas posts {type: "karabakh-atlas:height", version: 1, height} to its parent whenever its height
 * changes. This script sets the height of the one iframe whose window sent the message (checked by
 * `event.source`, never by trusting the message), so other frames on the page cannot resize it. Plain ES5,
 * no build step, no globals beyond one guard flag.
 */
/* global window, document */
(function () {
  'use strict';

  if (typeof window === 'undefined' || window.__karabakhAtlasEmbed) return;
  window.__karabakhAtlasEmbed = true;

  var MESSAGE = 'karabakh-atlas:height';
  var REQUEST = 'karabakh-atlas:request-height';
  var MIN_HEIGHT = 120;
  var MAX_HEIGHT = 10000;

  function atlasFrames() {
    var frames = document.querySelectorAll('iframe[data-karabakh-atlas]');
    var list = [];
    for (var i = 0; i < frames.length; i++) list.push(frames[i]);
    return list;
  }

  // Only frames that opted in with `data-karabakh-atlas` are resized, and only by their own window.
  function frameOf(source) {
    var frames = atlasFrames();
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === source) return frames[i];
    }
    return null;
  }

  function onMessage(event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== MESSAGE || data.version !== 1) return;
    var height = Number(data.height);
    if (!isFinite(height)) return;
    var frame = frameOf(event.source);
    if (!frame) return;
    height = Math.round(Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, height)));
    frame.style.height = height + 'px';
    frame.setAttribute('data-karabakh-atlas-height', String(height));
  }

  // An atlas that loaded before this script did has already posted its height: ask each frame again.
  function requestHeights() {
    var frames = atlasFrames();
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow) {
        frames[i].contentWindow.postMessage({ type: REQUEST, version: 1 }, '*');
      }
    }
  }

  window.addEventListener('message', onMessage, false);
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', requestHeights, false);
  } else {
    requestHeights();
  }
})();

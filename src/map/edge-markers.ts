/**
 * Markers at the map's edge for actors outside the view (Washington, Paris): an arrow pointing toward
 * each, its name and its distance; clicking one fits both ends. Plain DOM over the map, updated on move.
 */
import type { Map as MapLibreMap, LngLatBoundsLike } from 'maplibre-gl';
import { distance } from '@turf/turf';

export interface EdgeTarget {
  id: string;
  label: string;
  lon: number;
  lat: number;
}

const INSET = 28;

export class EdgeMarkers {
  private readonly root: HTMLDivElement;
  private targets: EdgeTarget[] = [];
  private origin: [number, number] | null = null;
  private buttons = new Map<string, HTMLButtonElement>();

  constructor(
    private readonly map: MapLibreMap,
    private readonly onFit: (bounds: LngLatBoundsLike) => void,
  ) {
    this.root = document.createElement('div');
    this.root.className = 'edge-markers';
    map.getContainer().appendChild(this.root);
  }

  set(targets: EdgeTarget[], origin: [number, number] | null): void {
    this.targets = targets;
    this.origin = origin;
    for (const [id, button] of this.buttons) {
      if (!targets.some((t) => t.id === id)) {
        button.remove();
        this.buttons.delete(id);
      }
    }
    this.render();
  }

  private button(target: EdgeTarget): HTMLButtonElement {
    let button = this.buttons.get(target.id);
    if (!button) {
      button = document.createElement('button');
      button.type = 'button';
      button.className = 'edge-marker';
      button.setAttribute('aria-label', `${target.label}, outside the view: show both`);
      button.addEventListener('click', () => {
        const from = this.origin ?? this.map.getCenter().toArray();
        this.onFit([
          [Math.min(from[0], target.lon), Math.min(from[1], target.lat)],
          [Math.max(from[0], target.lon), Math.max(from[1], target.lat)],
        ]);
      });
      this.root.appendChild(button);
      this.buttons.set(target.id, button);
    }
    return button;
  }

  /** Places each marker where the line from the view's centre toward its target leaves the view. */
  render(): void {
    const canvas = this.map.getCanvas();
    const w = canvas.clientWidth;
    const h = canvas.clientHeight;
    const cx = w / 2;
    const cy = h / 2;
    const from = this.origin ?? this.map.getCenter().toArray();
    for (const target of this.targets) {
      const p = this.map.project([target.lon, target.lat]);
      const inside = p.x >= 0 && p.x <= w && p.y >= 0 && p.y <= h;
      const button = this.button(target);
      if (inside) {
        button.hidden = true;
        continue;
      }
      const dx = p.x - cx;
      const dy = p.y - cy;
      const scale = Math.min(
        dx === 0 ? Infinity : (w / 2 - INSET) / Math.abs(dx),
        dy === 0 ? Infinity : (h / 2 - INSET) / Math.abs(dy),
      );
      const angle = (Math.atan2(dy, dx) * 180) / Math.PI;
      const km = Math.round(distance(from, [target.lon, target.lat], { units: 'kilometers' }));
      const text = `${target.label} · ${km.toLocaleString('en')} km`;
      button.hidden = false;
      button.style.left = `${cx + dx * scale}px`;
      button.style.top = `${cy + dy * scale}px`;
      button.style.setProperty('--angle', `${angle}deg`);
      button.setAttribute(
        'aria-label',
        `${target.label}, ${km.toLocaleString('en')} km away, outside the view: show both`,
      );
      if (button.textContent !== text) {
        button.replaceChildren();
        const arrow = document.createElement('span');
        arrow.className = 'edge-arrow';
        arrow.setAttribute('aria-hidden', 'true');
        arrow.textContent = '➜';
        const label = document.createElement('span');
        label.textContent = text;
        button.append(arrow, label);
      }
    }
  }

  destroy(): void {
    this.root.remove();
  }
}

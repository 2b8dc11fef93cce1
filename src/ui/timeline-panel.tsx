import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { eventTypeColors } from '../data/event-style';
import type { TimeIndex } from '../data/time-index';
import { binsInRange } from '../data/time-index';
import { useTimeline } from './use-timeline';

export interface TimelinePanelProps {
  index: TimeIndex;
  /** In an embed the wheel scrolls the host page; Ctrl/⌘ + wheel zooms the axis. */
  cooperativeWheel?: boolean;
  /** The committed range, in days. */
  range: [number, number];
  theme: 'light' | 'dark';
  reducedMotion: boolean;
  onRangeChange: (from: number, to: number, phase: 'move' | 'end') => void;
  /** A step of playback: the range moved forward (committed without a history entry). */
  onPlayStep: (from: number, to: number) => void;
  children: ReactNode;
}

/** Days the range moves per second of playback, by speed setting. */
const SPEEDS = [
  { label: '1 day/s', days: 1 },
  { label: '3 days/s', days: 3 },
  { label: '1 week/s', days: 7 },
  { label: '1 month/s', days: 30 },
];

/** The timeline dock: the d3 histogram and range, play/pause with speed, the range and its count. */
export function TimelinePanel({
  cooperativeWheel,
  index,
  range,
  theme,
  reducedMotion,
  onRangeChange,
  onPlayStep,
  children,
}: TimelinePanelProps) {
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(1);
  const rangeRef = useRef(range);
  useEffect(() => {
    rangeRef.current = range;
  });
  // The axis opens on the range with room around it; "All" shows the whole period.
  const [initialView] = useState<[number, number]>(() => {
    const pad = Math.max(7, Math.round((range[1] - range[0]) / 3));
    return [range[0] - pad, range[1] + 1 + pad];
  });
  const colors = useMemo(() => eventTypeColors(theme), [theme]);
  const bins = useMemo(() => binsInRange(index, index.firstDay ?? 0, index.lastDay ?? -1), [index]);

  const containerRef = useTimeline(
    { onRangeChange, cooperativeWheel },
    {
      domain: [index.firstDay ?? 0, index.lastDay ?? 0],
      range,
      bins,
      colors,
      initialView,
      reducedMotion,
      theme,
    },
  );

  // Playback moves the range forward by whole days, a few times a second, and stops at the data's end.
  useEffect(() => {
    if (!playing) return;
    const end = index.lastDay ?? 0;
    const stepMs = 250;
    const timer = window.setInterval(() => {
      const [a, b] = rangeRef.current;
      const step = Math.max(1, Math.round((SPEEDS[speed].days * stepMs) / 1000));
      if (b >= end) {
        setPlaying(false);
        return;
      }
      const nb = Math.min(end, b + step);
      onPlayStep(a + (nb - b), nb);
    }, stepMs);
    return () => window.clearInterval(timer);
  }, [playing, speed, index, onPlayStep]);

  return (
    <div className="timeline-panel">
      <div className="timeline-bar">
        <button
          type="button"
          className="play-button"
          aria-pressed={playing}
          onClick={() => setPlaying((p) => !p)}
        >
          {playing ? 'Pause' : 'Play'}
        </button>
        <label>
          <span className="control-label">Speed</span>
          <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
            {SPEEDS.map((s, i) => (
              <option key={s.label} value={i}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        {children}
      </div>
      <div className="timeline" ref={containerRef} />
    </div>
  );
}

import { EVENT_TYPE_STYLES, type MarkShape } from '../data/event-style';

const PATHS: Record<MarkShape, string> = {
  triangle: 'M6 1 L11 10 L1 10 Z',
  square: 'M2 2 H10 V10 H2 Z',
  cross: 'M2.5 1 L6 4.5 L9.5 1 L11 2.5 L7.5 6 L11 9.5 L9.5 11 L6 7.5 L2.5 11 L1 9.5 L4.5 6 L1 2.5 Z',
  ring: 'M6 1.5 A4.5 4.5 0 1 1 5.99 1.5 Z M6 3.8 A2.2 2.2 0 1 0 6.01 3.8 Z',
  diamond: 'M6 0.5 L11.5 6 L6 11.5 L0.5 6 Z',
  circle: 'M6 1.5 A4.5 4.5 0 1 1 5.99 1.5 Z',
  'triangle-down': 'M1 2 L11 2 L6 11 Z',
  plus: 'M4.5 1 H7.5 V4.5 H11 V7.5 H7.5 V11 H4.5 V7.5 H1 V4.5 H4.5 Z',
  'square-outline': 'M1.5 1.5 H10.5 V10.5 H1.5 Z M3.5 3.5 V8.5 H8.5 V3.5 Z',
  dot: 'M6 3.5 A2.5 2.5 0 1 1 5.99 3.5 Z',
};

/** The map mark of an event type, as a small inline SVG (decorative: the type's name is always beside it). */
export function TypeMark({ type, size = 12 }: { type: string; size?: number }) {
  const style =
    EVENT_TYPE_STYLES.find((s) => s.type === type) ?? EVENT_TYPE_STYLES[EVENT_TYPE_STYLES.length - 1];
  return (
    <svg
      className="type-mark"
      width={size}
      height={size}
      viewBox="0 0 12 12"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d={PATHS[style.shape]}
        fill={style.color}
        fillRule="evenodd"
        stroke="var(--ka-mark-halo)"
        strokeWidth="0.8"
      />
    </svg>
  );
}

import { useEffect, useRef } from 'react';
import { Timeline, type TimelineOptions, type TimelineProps } from '../timeline/timeline';

/** Creates the timeline adapter once, feeds it the latest props after every render, destroys it on unmount. */
export function useTimeline(options: TimelineOptions, props: TimelineProps | null) {
  const containerRef = useRef<HTMLDivElement>(null);
  const timelineRef = useRef<Timeline | null>(null);
  const optionsRef = useRef(options);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const timeline = new Timeline(container, {
      ...optionsRef.current,
      onRangeChange: (from, to, phase) => optionsRef.current.onRangeChange(from, to, phase),
    });
    timelineRef.current = timeline;
    return () => {
      timeline.destroy();
      timelineRef.current = null;
    };
  }, []);

  useEffect(() => {
    optionsRef.current = options;
  });

  useEffect(() => {
    if (props) timelineRef.current?.update(props);
  });

  return containerRef;
}

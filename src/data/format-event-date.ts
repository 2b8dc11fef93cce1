import type { AtlasEvent } from './model';

const DAY = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

function toDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** An event's date as a reader sees it, at its precision: "31 October 2020", "October 2020", "the week of …". */
export function formatEventDate(event: Pick<AtlasEvent, 'date' | 'dateEnd' | 'datePrecision'>): string {
  if (!event.date) return 'Undated';
  const d = toDate(event.date);
  let text: string;
  switch (event.datePrecision) {
    case 'year':
      text = String(d.getUTCFullYear());
      break;
    case 'month':
      text = MONTH.format(d);
      break;
    case 'week':
      text = `week of ${DAY.format(d)}`;
      break;
    default:
      text = DAY.format(d);
  }
  if (event.dateEnd && event.dateEnd !== event.date) text += ` – ${DAY.format(toDate(event.dateEnd))}`;
  return text;
}

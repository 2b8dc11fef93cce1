import { describe, expect, it } from 'vitest';
import { selectActorOptions } from './actor-options';
import type { Actor, AtlasEvent } from './model';

const actor = (id: string, name: string): Actor => ({
  id,
  name,
  aliases: [],
  kind: 'person',
  affiliation: 'XX',
  role: '',
  seat: 'yerevan',
});
const actors = new Map([
  ['pashinyan', actor('pashinyan', 'Nikol Pashinyan')],
  ['aliyev', actor('aliyev', 'Ilham Aliyev')],
  ['putin', actor('putin', 'Vladimir Putin')],
]);
const event = (id: string, actorIds: string[], targetActorIds: string[]): AtlasEvent => ({
  id,
  date: '2020-11-09',
  dateEnd: null,
  datePrecision: 'day',
  type: 'ceasefire',
  summary: id,
  placeId: null,
  actorIds,
  targetActorIds,
  sources: [],
});

describe('selectActorOptions', () => {
  it('counts each event once per actor, as actor or target, and sorts by name', () => {
    const options = selectActorOptions(
      [
        event('a', ['pashinyan', 'aliyev'], ['putin']),
        // Named as actor and target, and twice as target: still one event for each.
        event('b', ['putin'], ['putin', 'aliyev', 'aliyev']),
        event('c', ['pashinyan', 'pashinyan'], []),
      ],
      actors,
    );
    expect(options).toEqual([
      { id: 'aliyev', label: 'Ilham Aliyev', n: 2 },
      { id: 'pashinyan', label: 'Nikol Pashinyan', n: 2 },
      { id: 'putin', label: 'Vladimir Putin', n: 2 },
    ]);
  });

  it('leaves out ids that name no known actor', () => {
    expect(selectActorOptions([event('a', ['nobody'], ['putin'])], actors)).toEqual([
      { id: 'putin', label: 'Vladimir Putin', n: 1 },
    ]);
  });
});

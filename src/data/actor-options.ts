import type { Actor, AtlasEvent } from './model';

export interface ActorOption {
  id: string;
  label: string;
  /** Events that name the actor, as actor or as target (once per event). */
  n: number;
}

/**
 * The actor filter's choices: every known actor the events name, with how many events name it, by name.
 * One pass with no allocation per event (a document can hold a million); ids with no actor are left out.
 */
export function selectActorOptions(
  events: readonly AtlasEvent[],
  actors: ReadonlyMap<string, Actor>,
): ActorOption[] {
  const counts = new Map<string, number>();
  const add = (id: string) => counts.set(id, (counts.get(id) ?? 0) + 1);
  for (const e of events) {
    e.actorIds.forEach((id, i) => e.actorIds.indexOf(id) === i && add(id));
    e.targetActorIds.forEach(
      (id, i) => !e.actorIds.includes(id) && e.targetActorIds.indexOf(id) === i && add(id),
    );
  }
  return [...counts.entries()]
    .flatMap(([id, n]) => {
      const actor = actors.get(id);
      return actor ? [{ id, label: actor.name, n }] : [];
    })
    .sort((a, b) => a.label.localeCompare(b.label));
}

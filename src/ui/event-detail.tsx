import type { Actor, Article, AtlasEvent, Claim, Mention, Place } from '../data/model';
import { formatPlaceName } from '../data/place-names';
import { selectHighlightedRuns } from '../data/highlight';
import { EVENT_TYPE_STYLES } from '../data/event-style';
import { formatEventDate } from '../data/format-event-date';
import { TypeMark } from './type-mark';

export interface EventDetailProps {
  event: AtlasEvent;
  place: Place | undefined;
  actors: Map<string, Actor>;
  articles: Map<string, Article>;
  mentionsByArticle: Map<string, Mention[]>;
  claims: readonly Claim[];
  onOpenArticle: (articleId: string, start: number, end: number) => void;
  onClose: () => void;
}

function actorNames(ids: readonly string[], actors: Map<string, Actor>): string {
  return ids.map((id) => actors.get(id)?.name ?? id).join(', ');
}

/** The selected event: date, type, place (both names), actors, summary, and every source with its quote. */
export function EventDetail({
  event,
  place,
  actors,
  articles,
  mentionsByArticle,
  claims,
  onOpenArticle,
  onClose,
}: EventDetailProps) {
  const style =
    EVENT_TYPE_STYLES.find((s) => s.type === event.type) ?? EVENT_TYPE_STYLES[EVENT_TYPE_STYLES.length - 1];
  return (
    <article className="event-detail" aria-labelledby="event-detail-title">
      <header className="event-detail-header">
        <p className="event-detail-meta">
          <TypeMark type={event.type} /> {style.label} ·{' '}
          <time dateTime={event.date ?? undefined}>{formatEventDate(event)}</time>
          {event.origin === 'user' && <span className="badge-user"> Yours (imported)</span>}
        </p>
        <button type="button" className="icon-button" onClick={onClose} aria-label="Close event details">
          ×
        </button>
      </header>
      <h2 id="event-detail-title" className="event-detail-title">
        {event.summary}
      </h2>
      <dl className="event-detail-facts">
        <dt>Place</dt>
        <dd>{place ? formatPlaceName(place, 'dual') : 'Not placed'}</dd>
        {event.actorIds.length > 0 && (
          <>
            <dt>Who</dt>
            <dd>{actorNames(event.actorIds, actors)}</dd>
          </>
        )}
        {event.targetActorIds.length > 0 && (
          <>
            <dt>Towards</dt>
            <dd>{actorNames(event.targetActorIds, actors)}</dd>
          </>
        )}
      </dl>
      {claims.length > 0 && (
        <section aria-label="Claims">
          <h3 className="event-detail-subtitle">Claims</h3>
          <ul className="claims">
            {claims.map((claim) => (
              <li key={claim.id}>
                <strong>
                  {claim.actorId ? (actors.get(claim.actorId)?.name ?? claim.actorId) : 'Unattributed'}
                </strong>{' '}
                claims {claim.qualifier ? `${claim.qualifier} ` : ''}
                {claim.value.toLocaleString('en')} {claim.quantity}
                {claim.text && claim.text !== event.summary && (
                  <span className="claim-text"> — “{claim.text}”</span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-label="Sources">
        <h3 className="event-detail-subtitle">Sources ({event.sources.length})</h3>
        <ol className="sources">
          {event.sources.map((source, i) => {
            const article = source.articleId ? articles.get(source.articleId) : undefined;
            if (article && source.start != null && source.end != null) {
              const runs = selectHighlightedRuns(
                article.text,
                source.start,
                source.end,
                mentionsByArticle.get(article.id) ?? [],
              );
              return (
                <li key={i} className="source">
                  <blockquote className="quote" data-testid="source-quote">
                    {runs.map((run, j) =>
                      run.mark ? (
                        <mark key={j} className={`mention mention-${run.mark}`}>
                          {run.text}
                        </mark>
                      ) : (
                        <span key={j}>{run.text}</span>
                      ),
                    )}
                  </blockquote>
                  <p className="source-meta">
                    {article.outlet ? `${article.outlet}, ` : ''}“{article.headline}”{' '}
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => onOpenArticle(article.id, source.start!, source.end!)}
                    >
                      Read the article
                    </button>
                  </p>
                </li>
              );
            }
            return (
              <li key={i} className="source">
                {source.url ? (
                  <a href={source.url} target="_blank" rel="noopener noreferrer">
                    {source.outlet || new URL(source.url).hostname}
                  </a>
                ) : (
                  (source.outlet ?? 'Unknown source')
                )}
              </li>
            );
          })}
        </ol>
      </section>
    </article>
  );
}

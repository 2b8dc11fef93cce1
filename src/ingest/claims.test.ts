import { describe, expect, it } from 'vitest';
import { testReference } from './fixtures/reference';
import { ingestArticle } from './ingest';

function claimsOf(body: string) {
  const text = `Published 2020-10-12\nHeadline\n${body}`;
  const r = ingestArticle({ file: 'c.txt', text }, { reference: testReference });
  return r.claims.map((c) => [c.quantity, c.value, c.qualifier ?? null, c.actorId, c.text]);
}

describe('findClaims', () => {
  it.each([
    [
      'According to the Armenian defence ministry, 16 servicemen were killed.',
      [['killed', 16, null, 'mod-am', '16 servicemen were killed']],
    ],
    [
      'Nearly 90,000 people have fled Nagorno-Karabakh, Armenian officials say.',
      [['displaced', 90000, 'Nearly', 'gov-am', 'Nearly 90,000 people have fled']],
    ],
    [
      'Hikmet Hajiyev said 21 civilians were killed and 70 wounded in Barda.',
      [
        ['killed', 21, null, 'hikmet-hajiyev', '21 civilians were killed'],
        ['wounded', 70, null, 'hikmet-hajiyev', '70 wounded'],
      ],
    ],
    [
      'Some 1,960 Russian peacekeepers will be deployed.',
      [['fighters', 1960, 'Some', null, 'Some 1,960 Russian peacekeepers']],
    ],
    [
      'По данным Минобороны Армении, погибли 16 военнослужащих.',
      [['killed', 16, null, 'mod-am', 'погибли 16']],
    ],
    [
      'Aliyev said 2.5 thousand troops died, but Pashinyan put the toll at 1,200.',
      [
        ['killed', 2500, null, 'ilham-aliyev', '2.5 thousand troops died'],
        ['killed', 1200, null, 'nikol-pashinyan', 'toll at 1,200'],
      ],
    ],
  ])('%j', (body, expected) => expect(claimsOf(body)).toEqual(expected));

  it('ignores years, dates, times and article numbers', () => {
    expect(
      claimsOf(
        'Article 2 of the 1997 treaty, signed on 29 August 1997 at 10:30, says nothing of the 44 dead.',
      ),
    ).toEqual([['killed', 44, null, null, '44 dead']]);
  });
});

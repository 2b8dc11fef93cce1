/**
 * Word lists of the reader (English and Russian): country adjectives, role nouns, verbs that mark a name
 * as the one who acts, and capitalised words that are never names. Words are given folded (see `fold`).
 */

/** Affiliation code of a country adjective ("Russian President", "Azerbaijani forces"). */
export const COUNTRY_ADJECTIVES: ReadonlyMap<string, string> = new Map([
  ['armenian', 'AM'],
  ['azerbaijani', 'AZ'],
  ['azerbaijan', 'AZ'],
  ['azeri', 'AZ'],
  ['russian', 'RU'],
  ['turkish', 'TR'],
  ['iranian', 'IR'],
  ['american', 'US'],
  ['french', 'FR'],
  ['georgian', 'GE'],
  ['british', 'GB'],
  ['german', 'DE'],
  ['israeli', 'IL'],
  ['syrian', 'SY'],
  ['ukrainian', 'UA'],
  ['chinese', 'CN'],
  ['belarusian', 'BY'],
  ['kazakh', 'KZ'],
  ['karabakh', 'NK'],
  ['artsakh', 'NK'],
  ['kremlin', 'RU'],
]);

/** Stems of Russian country adjectives ("армянские военные", "российский президент"). */
export const RU_COUNTRY_ADJECTIVES: readonly [string, string][] = [
  ['армянск', 'AM'],
  ['азербайджанск', 'AZ'],
  ['российск', 'RU'],
  ['русск', 'RU'],
  ['турецк', 'TR'],
  ['иранск', 'IR'],
  ['американск', 'US'],
  ['французск', 'FR'],
  ['грузинск', 'GE'],
  ['британск', 'GB'],
  ['карабахск', 'NK'],
  ['кремлевск', 'RU'],
];

/** Plural nouns for peoples: never names of places or actors, never fuzzy-matched. */
export const DEMONYMS: ReadonlySet<string> = new Set([
  'armenians',
  'azerbaijanis',
  'azeris',
  'russians',
  'turks',
  'iranians',
  'americans',
  'georgians',
  'syrians',
  'kurds',
  'armenian',
  'azerbaijani',
  'russian',
  'turkish',
  'iranian',
  'american',
  'french',
  'georgian',
  'british',
  'syrian',
  'israeli',
  'european',
  'soviet',
  'western',
]);

/** What a role noun stands for; resolved against the catalogue's kind, affiliation and role text. */
export type RoleClass =
  | 'president'
  | 'prime-minister'
  | 'leader'
  | 'foreign-minister'
  | 'defence-minister'
  | 'spokesperson'
  | 'government'
  | 'foreign-ministry'
  | 'defence-ministry'
  | 'armed-forces'
  | 'peacekeepers'
  | 'ministry';

/** English role nouns as folded word sequences, longest first where they share a start. */
export const ROLE_TERMS: readonly [string[], RoleClass][] = (
  [
    [['ministry', 'of', 'foreign', 'affairs'], 'foreign-ministry'],
    [['minister', 'of', 'foreign', 'affairs'], 'foreign-minister'],
    [['ministry', 'of', 'defence'], 'defence-ministry'],
    [['ministry', 'of', 'defense'], 'defence-ministry'],
    [['minister', 'of', 'defence'], 'defence-minister'],
    [['minister', 'of', 'defense'], 'defence-minister'],
    [['foreign', 'ministry', 'spokeswoman'], 'spokesperson'],
    [['foreign', 'ministry', 'spokesman'], 'spokesperson'],
    [['foreign', 'ministry', 'spokesperson'], 'spokesperson'],
    [['defence', 'ministry', 'spokeswoman'], 'spokesperson'],
    [['defence', 'ministry', 'spokesman'], 'spokesperson'],
    [['defense', 'ministry', 'spokeswoman'], 'spokesperson'],
    [['defense', 'ministry', 'spokesman'], 'spokesperson'],
    [['prime', 'minister'], 'prime-minister'],
    [['foreign', 'minister'], 'foreign-minister'],
    [['defence', 'minister'], 'defence-minister'],
    [['defense', 'minister'], 'defence-minister'],
    [['foreign', 'ministry'], 'foreign-ministry'],
    [['foreign', 'office'], 'foreign-ministry'],
    [['defence', 'ministry'], 'defence-ministry'],
    [['defense', 'ministry'], 'defence-ministry'],
    [['armed', 'forces'], 'armed-forces'],
    [['air', 'force'], 'armed-forces'],
    [['peacekeeping', 'forces'], 'peacekeepers'],
    [['peacekeeping', 'contingent'], 'peacekeepers'],
    [['peacekeeping', 'mission'], 'peacekeepers'],
    [['press', 'secretary'], 'spokesperson'],
    [['pm'], 'prime-minister'],
    [['premier'], 'prime-minister'],
    [['president'], 'president'],
    [['leader'], 'leader'],
    [['spokesman'], 'spokesperson'],
    [['spokeswoman'], 'spokesperson'],
    [['spokesperson'], 'spokesperson'],
    [['government'], 'government'],
    [['authorities'], 'government'],
    [['leadership'], 'government'],
    [['officials'], 'government'],
    [['side'], 'government'],
    [['forces'], 'armed-forces'],
    [['troops'], 'armed-forces'],
    [['army'], 'armed-forces'],
    [['military'], 'armed-forces'],
    [['soldiers'], 'armed-forces'],
    [['drones'], 'armed-forces'],
    [['servicemen'], 'armed-forces'],
    [['peacekeepers'], 'peacekeepers'],
    [['ministry'], 'ministry'],
    [['mfa'], 'foreign-ministry'],
  ] as [string[], RoleClass][]
).sort((a, b) => b[0].length - a[0].length);

/** Russian role nouns, as words; the matcher compares their stems (see `ruStem`). */
export const RU_ROLE_TERMS: readonly [string[], RoleClass][] = (
  [
    [['министерство', 'иностранных', 'дел'], 'foreign-ministry'],
    [['министр', 'иностранных', 'дел'], 'foreign-minister'],
    [['министерство', 'обороны'], 'defence-ministry'],
    [['министр', 'обороны'], 'defence-minister'],
    [['глава', 'мид'], 'foreign-minister'],
    [['глава', 'правительства'], 'prime-minister'],
    [['премьер', 'министр'], 'prime-minister'],
    [['пресс', 'секретарь'], 'spokesperson'],
    [['официальный', 'представитель'], 'spokesperson'],
    [['вооруженные', 'силы'], 'armed-forces'],
    [['президент'], 'president'],
    [['премьер'], 'prime-minister'],
    [['лидер'], 'leader'],
    [['правительство'], 'government'],
    [['власти'], 'government'],
    [['руководство'], 'government'],
    [['мид'], 'foreign-ministry'],
    [['минобороны'], 'defence-ministry'],
    [['армия'], 'armed-forces'],
    [['войска'], 'armed-forces'],
    [['военные'], 'armed-forces'],
    [['миротворцы'], 'peacekeepers'],
  ] as [string[], RoleClass][]
).sort((a, b) => b[0].length - a[0].length);

/** Role nouns used as adjectives before these words name no actor ("military alliance", "army base"). */
export const ROLE_ADJECTIVE_NOUNS: ReadonlySet<string> = new Set(
  `alliance alliances base bases operation operations equipment aid support hardware cooperation exercises drills
  presence installation installations facility facilities budget spending doctrine pact hospital hospitals
  helicopter helicopters plane planes aircraft jet jets vehicle vehicles building buildings headquarters website
  sources source buses bus convoy`.split(/\s+/),
);

/**
 * Words that follow a name acting as subject: "Moscow urged", "Baku denied", "Russia has". A capital or a
 * country followed by one of these is its government (a metonym).
 */
export const AGENT_VERBS: ReadonlySet<string> = new Set(
  `said says say told tells stated states announced announces declared declares denied denies deny rejected rejects
  rejected accused accuses urged urges urge asked asks ask called calls warned warns claimed claims insisted insists
  asserted asserts stressed stresses noted notes added adds confirmed confirms condemned condemns demanded demands
  responded responds replied replies refused refuses agreed agrees agree offered offers proposed proposes threatened
  threatens vowed vows promised promises blamed blames welcomed welcomes expressed expresses reiterated reiterates
  reported reports has have had is was were are will would can could should must may might did does do wants
  wanted sent sends signed signs launched launches recognised recognized recognises recognizes supports supported
  backed backs opposed opposes considers considered believes believed hopes hoped sees saw give gives gave provide
  provides provided continues continued seeks sought shelled shells attacked attacks struck strikes captured
  captures took takes seized seizes deployed deploys withdrew withdraws invoked invokes needs needed summoned
  summons recalled recalls expelled expels criticised criticized criticises criticizes insisted hit hits regained
  regains retook retakes liberated liberates lost loses appealed appeals sanctioned mediated mediates brokered
  hosted hosts dismissed dismisses sign signed agree agreed accuses denies`.split(/\s+/),
);

/** Verbs whose direct object is the actor acted upon: "urged Moscow", "accused Baku". */
export const TARGET_VERBS: ReadonlySet<string> = new Set(
  `urged urges urge urging asked asks ask asking accused accuses accusing warned warns warning told tells telling
  criticised criticized criticising criticizing condemned condemns thanked thanks invited invites pressed presses
  sanctioned summoned summons called calls calling appealed appeals blamed blames`.split(/\s+/),
);

/** Prepositions whose object is the actor acted upon: "a letter to Putin", "talks with Baku". */
export const TARGET_PREPOSITIONS: ReadonlySet<string> = new Set([
  'to',
  'with',
  'against',
  'towards',
  'on',
  'between',
]);

/** Russian agent verbs are recognised by form: past tense ("заявил", "опровергла"), or these. */
export const RU_AGENT_WORDS: ReadonlySet<string> = new Set(
  `заявляет считает настаивает требует призывает отрицает обвиняет предупреждает сообщает утверждает готов готова
  может должна должен не опроверг отверг помог ждет ждут`.split(/\s+/),
);

/** Capitalised words that are never names: function words, titles, months, weekdays, document words. */
export const NOT_NAMES: ReadonlySet<string> = new Set(
  `the a an this that these those his her its their our my your he she it they we i you but and or nor however
  meanwhile moreover also in on at as if when while after before since until according earlier later today
  yesterday tomorrow last next more most some many both all any each there here what which who whom whose why
  how such other another one two three four five six seven eight nine ten first second third fourth fifth then
  than so yet still thus though although despite because for from by with without into onto over under about
  against between among during around near of to up down out off no not only just even please thank thanks
  mr mrs ms dr sir madam president prime minister ministers pm premier foreign defence defense ministry ministries
  government army forces military troops republic treaty article agreement statement declaration protocol
  convention resolution charter updated published posted photo video read watch see listen click follow share
  january february march april may june july august september october november december monday tuesday
  wednesday thursday friday saturday sunday jan feb mar apr jun jul aug sep sept oct nov dec news breaking live
  update analysis opinion editorial exclusive report reports reportedly source sources officials official spokesman
  spokeswoman spokesperson secretary general chief head deputy speaker parliament ambassador envoy mission
  office council committee press agency service services national international state states federal regional
  local central northern southern eastern western north south east west
  в во на по это как что но и а однако при для из от с со к о об у мы он она они его ее её их вчера сегодня
  завтра ранее также позже затем после до между перед над под за тем том так же уже еще ещё все всех эти этот
  эта этой глава президент премьер министр министерство республика республики договор соглашение заявление
  источник источники по словам напомним кроме тем более`.split(/\s+/),
);

/** Words that start a document title ("Treaty on Friendship, Cooperation and Mutual Assistance"). */
export const DOCUMENT_WORDS: ReadonlySet<string> = new Set(
  `treaty agreement protocol convention declaration statement resolution charter accord accords pact memorandum
  principles article law act договор соглашение протокол конвенция декларация заявление резолюция`.split(
    /\s+/,
  ),
);

/** Small English and Russian function words allowed inside a capitalised name ("Ministry of Defence"). */
export const NAME_CONNECTORS: ReadonlySet<string> = new Set([
  'of',
  'de',
  'al',
  'bin',
  'ibn',
  'von',
  'van',
  'ul',
  'el',
  'и',
]);

/** Titles that end a name of an office ("Prosecutor General", "Secretary General"). */
export const TITLES: ReadonlySet<string> = new Set(
  `general secretary office council committee agency service ministry mission commission court army forces
  government parliament assembly`.split(/\s+/),
);

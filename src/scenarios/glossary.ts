/**
 * The glossary: every word the app and its lessons use, defined for a learner in plain words.
 * Lesson prose links here with `[[term]]`; `glossaryEntry` finds an entry by its term or an alias,
 * in any case and in the plural, so that a lesson can say `[[stale reads]]`. The test keeps every
 * link of every lesson, and every `see`, pointing at an entry.
 */

export interface GlossaryEntry {
  /** The word as the app uses it (PRODUCT.md's vocabulary), in lower case unless an acronym. */
  readonly term: string
  /** Other spellings and names a lesson or a learner may use for the same thing. */
  readonly aliases?: readonly string[]
  /** One to three short sentences, plain text (no markup). */
  readonly definition: string
  /** Related terms (each resolves to an entry). */
  readonly see?: readonly string[]
}

const entries: readonly GlossaryEntry[] = [
  {
    term: 'acknowledgement',
    aliases: ['ack', 'acknowledgment'],
    definition:
      'A short reply that says "got it". A pushing sender that hears no acknowledgement within its timeout sends the event again.',
    see: ['at-least-once', 'redelivered'],
  },
  {
    term: 'aggregate',
    definition:
      'One thing that commands are decided against and that stays consistent on its own: a todo list, a bank account, the stock of one book. Its events form one stream.',
    see: ['command', 'stream', 'write model'],
  },
  {
    term: 'anomaly',
    definition:
      'Something a read model got wrong that the checker caught, pinned to the moment and to the events that caused it: a stale read, an update applied twice, an old value written over a newer one. Every anomaly on screen is found in the run itself.',
    see: ['stale read', 'read-your-writes', 'monotonic read', 'truth'],
  },
  {
    term: 'at-least-once',
    aliases: ['at least once'],
    definition:
      'A delivery promise: every event arrives, perhaps more than once. The sender keeps sending until it hears an acknowledgement, so a lost acknowledgement means a second copy.',
    see: ['at-most-once', 'redelivered', 'duplicate', 'idempotent'],
  },
  {
    term: 'at-most-once',
    aliases: ['at most once'],
    definition:
      'A delivery promise: every event is sent once and never again. Nothing arrives twice, but a copy lost on the way is lost for good.',
    see: ['at-least-once', 'dropped'],
  },
  {
    term: 'buffered',
    aliases: ['buffer'],
    definition:
      'Arrived too early and held back. An ordered handler keeps an event whose position leaves a gap in its buffer, then applies it as soon as the events before it are in.',
    see: ['ordered handler', 'in-flight', 'position'],
  },
  {
    term: 'change data capture',
    aliases: ['CDC'],
    definition:
      'Turning the changes an existing database already makes into events, by reading its transaction log. A way to start publishing events without rewriting the application.',
    see: ['event sourcing', 'push'],
  },
  {
    term: 'checkpoint',
    definition:
      'The position of the last event a projection has processed. It is saved with the rows, so after a restart the projection asks only for the events after it.',
    see: ['position', 'lag', 'pull'],
  },
  {
    term: 'command',
    definition:
      'A request to change something, such as "add a todo" or "withdraw 50". The write model checks it against the current state, then accepts it and appends events, or refuses it.',
    see: ['event', 'write model', 'CQS'],
  },
  {
    term: 'converged',
    aliases: ['convergence', 'converge'],
    definition:
      'A read model has converged when its copy equals the truth and stays equal once nothing more is written. Eventual consistency promises exactly this, given time.',
    see: ['divergence', 'truth', 'eventual consistency'],
  },
  {
    term: 'CQRS',
    aliases: ['command query responsibility segregation'],
    definition:
      'Command Query Responsibility Segregation: the data you write and the data you read live in separate models, often in separate stores. Events carry the changes across, which is why reads can be behind.',
    see: ['CQS', 'write model', 'read model'],
  },
  {
    term: 'CQS',
    aliases: ['command query separation'],
    definition:
      'Command Query Separation: an operation either changes something (a command) or answers a question (a query), never both. Asking a question should not change the answer.',
    see: ['CQRS', 'command'],
  },
  {
    term: 'divergence',
    aliases: ['diverged', 'diverge'],
    definition:
      'How far a read model differs from the truth, counted in rows that do not match. Some divergence while events travel is expected; divergence that stays once the network is quiet is a bug.',
    see: ['converged', 'truth', 'anomaly'],
  },
  {
    term: 'dropped',
    aliases: ['drop', 'loss'],
    definition:
      'Lost by the network on the way: the message never arrives. Under at-least-once the sender notices the missing acknowledgement and sends it again; under at-most-once it is gone.',
    see: ['link', 'at-least-once', 'at-most-once', 'redelivered'],
  },
  {
    term: 'duplicate',
    aliases: ['duplication'],
    definition:
      'A second copy of an event the read model already received. Networks and retries make duplicates; a handler that does not recognise them counts the same change twice.',
    see: ['idempotent', 'redelivered', 'at-least-once'],
  },
  {
    term: 'event',
    aliases: ['domain event'],
    definition:
      'A fact that happened, named in the past tense, such as TodoAdded. Events are only ever appended, never changed; each has a position, a stream, a version, a type, data and a time.',
    see: ['event store', 'command', 'stream'],
  },
  {
    term: 'event sourcing',
    definition:
      'Keeping the events themselves as the record, instead of the current state. A bank keeps the deposits and withdrawals, not the balances: any balance, at any moment, is worked out by replaying them.',
    see: ['event', 'event store', 'truth'],
  },
  {
    term: 'event store',
    definition:
      'The append-only log where the write model records its events, in order. Here it is a real database in your browser (IndexedDB).',
    see: ['event', 'position', 'stream'],
  },
  {
    term: 'eventual consistency',
    aliases: ['eventual', 'eventually consistent'],
    definition:
      'A promise about later, not now: once writes stop, every copy catches up and they all agree. A read in the meantime may be stale.',
    see: ['strong consistency', 'converged', 'stale read'],
  },
  {
    term: 'handler',
    aliases: ['handler strategy'],
    definition:
      'The part of a projection that turns each delivered event into changes to its rows. How it copes with duplicates, gaps and events out of order is its strategy: naive, idempotent, ordered or order-tolerant.',
    see: ['naive handler', 'idempotent', 'ordered handler', 'order-tolerant'],
  },
  {
    term: 'idempotent',
    aliases: ['idempotence', 'idempotent handler'],
    definition:
      'Safe to do twice: applying the same event again leaves the result as it was. An idempotent handler remembers the events it applied and skips a duplicate.',
    see: ['duplicate', 'at-least-once', 'handler'],
  },
  {
    term: 'in-flight',
    aliases: ['in flight'],
    definition:
      'Sent but not arrived yet: a message on its way across a link. An event in flight is already in the event store but not yet in the read model.',
    see: ['link', 'lag', 'buffered'],
  },
  {
    term: 'lag',
    aliases: ['behind'],
    definition:
      "How far a read model is behind the event store, measured two ways: in events (the store's last position minus the checkpoint) and in time (how long the oldest event not yet applied has waited).",
    see: ['checkpoint', 'staleness', 'visibility time'],
  },
  {
    term: 'link',
    definition:
      'The network path between the event store and one projection, with its own delay, loss, duplication and reordering. It can be cut (a partition) and healed.',
    see: ['partition', 'in-flight', 'dropped'],
  },
  {
    term: 'monotonic read',
    aliases: ['monotonic-read violation'],
    definition:
      'A promise that once you have seen a change you never see an older state again. Reading from different copies can break it: a todo appears, then vanishes.',
    see: ['stale read', 'read mode', 'anomaly'],
  },
  {
    term: 'naive handler',
    aliases: ['naive'],
    definition:
      'A handler that applies every event as it comes, trusting the network. It is right on a perfect network and goes wrong with duplicates or events out of order.',
    see: ['handler', 'idempotent', 'ordered handler'],
  },
  {
    term: 'order-tolerant',
    aliases: ['order tolerant', 'order-tolerant handler'],
    definition:
      'A handler whose updates give the same answer in any order: a value set only once, a minimum or maximum, the newest value by version or time, a delete that leaves a mark. It never waits for a missing event.',
    see: ['ordered handler', 'idempotent', 'handler'],
  },
  {
    term: 'ordered handler',
    aliases: ['ordered'],
    definition:
      'A handler that applies events strictly in position order. When one is missing it buffers the later ones and, if the gap stays open, fetches the missing events from the store.',
    see: ['buffered', 'checkpoint', 'order-tolerant'],
  },
  {
    term: 'parked',
    aliases: ['held'],
    definition:
      'Set aside instead of handled: not lost and not applied, waiting until someone releases it. A message you hold while you play the network is parked until you deliver, drop or duplicate it.',
    see: ['in-flight', 'dropped', 'duplicate'],
  },
  {
    term: 'partition',
    aliases: ['network partition', 'partitioned'],
    definition:
      'A link that is cut: nothing gets through until it heals. Meanwhile the read model on the far side keeps answering from its older copy.',
    see: ['link', 'staleness'],
  },
  {
    term: 'poll interval',
    aliases: ['polling interval'],
    definition:
      'How long a pulling projection waits between two requests for new events. A longer interval means fewer messages and staler reads.',
    see: ['pull', 'staleness'],
  },
  {
    term: 'position',
    aliases: ['global position'],
    definition:
      "An event's number in the whole event store: 1 for the first event, 2 for the next, across every stream. Read models use it to say how far they got.",
    see: ['checkpoint', 'version', 'event store'],
  },
  {
    term: 'projection',
    definition:
      'A service that reads events and builds a read model from them, one event at a time, saving its checkpoint as it goes.',
    see: ['read model', 'handler', 'checkpoint'],
  },
  {
    term: 'pull',
    aliases: ['poll', 'polling'],
    definition:
      'The read model asks the store for "the events after position N" on its own schedule. Simple and needs no broker, but a write made just after a poll waits for the next one.',
    see: ['poll interval', 'push', 'checkpoint'],
  },
  {
    term: 'push',
    aliases: ['broker', 'publisher'],
    definition:
      'The store, or a broker, sends each new event to its subscribers as soon as it is written. Less waiting than pull, but the sender has to cope with subscribers that are slow, down or cut off.',
    see: ['pull', 'at-least-once', 'link'],
  },
  {
    term: 'read mode',
    aliases: ['consistency level'],
    definition:
      'How a query is answered: eventual (from the local copy, at once), strong (catch up with the store first), read-your-writes (wait for your own last write), read repair (check the source, fix the row) or bounded (accept a copy only so far behind). Fresher answers cost messages and time.',
    see: ['eventual consistency', 'strong consistency', 'read-your-writes', 'read repair'],
  },
  {
    term: 'read model',
    aliases: ['read side', 'query model', 'local copy'],
    definition:
      'A copy of the data shaped for answering questions, kept up to date from events by a projection. It may be behind the write model.',
    see: ['projection', 'write model', 'CQRS'],
  },
  {
    term: 'read repair',
    definition:
      'A read that checks the source before it answers: if its copy of the row is out of date, it rebuilds the row from the events of its stream, saves it and answers fresh.',
    see: ['read mode', 'stale read'],
  },
  {
    term: 'read-your-writes',
    aliases: ['read your writes', 'read-your-writes violation'],
    definition:
      'A promise that you always see your own changes: after you write, your reads wait until the read model has your write. Other people may still see older data.',
    see: ['read mode', 'stale read'],
  },
  {
    term: 'redelivered',
    aliases: ['redelivery', 'redeliver'],
    definition:
      'Sent again because the sender heard no acknowledgement in time. If the first copy did arrive after all, the redelivered one is a duplicate.',
    see: ['at-least-once', 'acknowledgement', 'duplicate'],
  },
  {
    term: 'seed',
    aliases: ['random seed'],
    definition:
      'The number behind every chance in a run: delays, losses, duplicates. The same scenario with the same seed plays out exactly the same, so a link can reopen the very same run.',
  },
  {
    term: 'stale read',
    definition:
      'A read that answered with older data than the truth at that moment: the change was already written but had not reached this copy yet.',
    see: ['staleness', 'read mode', 'anomaly'],
  },
  {
    term: 'staleness',
    aliases: ['stale'],
    definition:
      'How out of date a copy is: how long ago the data it shows stopped being true. An old avatar is harmless staleness; an old e-mail address is not.',
    see: ['lag', 'stale read', 'visibility time'],
  },
  {
    term: 'stream',
    aliases: ['stream id'],
    definition:
      'The events of one thing, such as one todo or one bank account, in order. A stream has an id, and its events are numbered by version.',
    see: ['version', 'event', 'aggregate'],
  },
  {
    term: 'strong consistency',
    aliases: ['strong', 'strongly consistent', 'strong read'],
    definition:
      'Every read sees every write that finished before it, as if there were only one copy. Here a strong read first catches its read model up with the store, which costs a round trip.',
    see: ['eventual consistency', 'read mode'],
  },
  {
    term: 'truth',
    definition:
      'What every read model should show at a moment: the result of applying, in order, all the events appended up to then. The checker compares each copy with it.',
    see: ['converged', 'divergence', 'event sourcing'],
  },
  {
    term: 'version',
    aliases: ['stream version', 'optimistic concurrency'],
    definition:
      "An event's number within its own stream. A write says which version it expects; if another write got there first, it is refused rather than silently overwriting (optimistic concurrency).",
    see: ['stream', 'position'],
  },
  {
    term: 'visibility time',
    aliases: ['visibility'],
    definition:
      'How long after an event is written a read model first shows it. Over many events it gives the chance that a read made some time after a write sees it.',
    see: ['lag', 'staleness'],
  },
  {
    term: 'write model',
    aliases: ['write side'],
    definition:
      'The part that decides: it takes commands, checks them against the current state and appends the resulting events. It is always up to date; the read models follow it.',
    see: ['command', 'event store', 'read model'],
  },
]

/** Every entry, sorted by term as a reader looks words up (case ignored). */
export const glossary: readonly GlossaryEntry[] = [...entries].sort((a, b) =>
  a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }),
)

/** How a term or alias is compared: case and runs of spaces do not matter. */
export function normalizeTerm(words: string): string {
  return words.trim().replace(/\s+/g, ' ').toLowerCase()
}

const byName = new Map<string, GlossaryEntry>(
  glossary.flatMap((e) => [e.term, ...(e.aliases ?? [])].map((name) => [normalizeTerm(name), e])),
)

/** The singulars a word may be the plural of: "anomalies" -> "anomaly", "stale reads" -> ... */
function singulars(name: string): string[] {
  const out: string[] = []
  if (name.endsWith('ies')) out.push(`${name.slice(0, -3)}y`)
  if (name.endsWith('es')) out.push(name.slice(0, -2))
  if (name.endsWith('s')) out.push(name.slice(0, -1))
  return out
}

/**
 * The entry for a term or alias, in any case, or for the plural of one ("stale reads" finds
 * "stale read"); undefined when there is none.
 */
export function glossaryEntry(termOrAlias: string): GlossaryEntry | undefined {
  const name = normalizeTerm(termOrAlias)
  for (const candidate of [name, ...singulars(name)]) {
    const found = byName.get(candidate)
    if (found) return found
  }
  return undefined
}

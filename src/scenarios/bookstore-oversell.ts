import type { ScenarioInput } from '../core'

/**
 * The bookstore lesson: the last copy of a book is sold at one till, and a second till decides
 * its sale on the shelf view, which has not heard of the first sale yet. Deciding through an
 * eventual read oversells; deciding through read repair checks the source first and refuses.
 */
function till(mode: 'eventual' | 'read-repair'): ScenarioInput {
  return {
    format: 'eventually.scenario/v1',
    name: `Bookstore: the second sale through ${mode === 'eventual' ? 'an eventual read' : 'read repair'}`,
    seed: 1,
    domain: 'bookstore',
    until: 3000,
    commands: [
      { at: 0, type: 'StockBook', data: { store: 's1', isbn: 'isbn-1', qty: 1 }, client: 'office' },
      { at: 1030, type: 'SellBook', data: { store: 's1', isbn: 'isbn-1' }, client: 'till-1' },
      {
        at: 1040,
        type: 'SellBook',
        data: { store: 's1', isbn: 'isbn-1' },
        client: 'till-2',
        via: { projection: 'shelf', mode },
      },
    ],
    projections: [
      {
        id: 'shelf',
        handler: 'order-tolerant',
        delivery: { mode: 'pull', interval: 500, batch: 100 },
        link: { latency: { dist: 'constant', value: 20 } },
      },
    ],
  }
}

export const bookstoreOversell = till('eventual')
export const bookstoreReadRepair = till('read-repair')

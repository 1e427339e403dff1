import { describe, expect, it } from 'vitest'
import { parseProse, proseTerms } from './prose'

const text = (t: string) => ({ kind: 'text', text: t })

describe('parseProse', () => {
  it('splits paragraphs on a blank line and drops empty ones', () => {
    expect(parseProse('one\ntwo\n\nthree\n  \n\n')).toEqual([[text('one\ntwo')], [text('three')]])
  })

  it.each([
    ['[[checkpoint]]', [{ kind: 'term', term: 'checkpoint', text: 'checkpoint' }]],
    [
      'a [[read mode|strong read]].',
      [text('a '), { kind: 'term', term: 'read mode', text: 'strong read' }, text('.')],
    ],
    ['**t1** is', [{ kind: 'strong', children: [text('t1')] }, text(' is')]],
    ['`TodoAdded`', [{ kind: 'code', text: 'TodoAdded' }]],
    [
      '**the [[lag]] of `p`**',
      [
        {
          kind: 'strong',
          children: [
            text('the '),
            { kind: 'term', term: 'lag', text: 'lag' },
            text(' of '),
            { kind: 'code', text: 'p' },
          ],
        },
      ],
    ],
    ['`**not strong**`', [{ kind: 'code', text: '**not strong**' }]],
  ])('reads %s', (prose, pieces) => {
    expect(parseProse(prose)).toEqual([pieces])
  })

  it.each(['<b>x</b>', '[[half', '**open', '`open', '[[a|]]', '[x](http://example.com)'])(
    'keeps %s as plain text',
    (prose) => {
      expect(parseProse(prose)).toEqual([[text(prose)]])
    },
  )
})

describe('proseTerms', () => {
  it('lists the linked terms of every paragraph, inside strong too', () => {
    expect(proseTerms('[[push]] and **[[pull]]**\n\nthe [[poll interval|interval]]')).toEqual([
      'push',
      'pull',
      'poll interval',
    ])
  })
})

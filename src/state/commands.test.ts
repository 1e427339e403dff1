import { describe, expect, it } from 'vitest'
import { domainNames, domains } from '../core'
import { commandForms } from './commands'

describe('command forms', () => {
  it('offer every command of every domain with the fields its data takes', () => {
    for (const name of domainNames) {
      const forms = commandForms(name)
      expect(forms.map((f) => f.type)).toEqual(Object.keys(domains[name].commands))
      for (const form of forms) expect(form.fields.length).toBeGreaterThan(0)
    }
    expect(commandForms('bank')).toContainEqual({
      type: 'Deposit',
      fields: [
        { name: 'id', kind: 'text' },
        { name: 'amount', kind: 'number' },
      ],
    })
  })

  it('know no commands for a domain that does not exist', () => {
    expect(commandForms('constructor')).toEqual([])
  })
})

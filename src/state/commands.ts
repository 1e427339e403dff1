import { domains, type DomainName } from '../core'

/** A field of a command's form: its name and whether it takes text or a number. */
export interface CommandField {
  readonly name: string
  readonly kind: 'text' | 'number'
}

export interface CommandForm {
  readonly type: string
  readonly fields: readonly CommandField[]
}

/**
 * The commands of a domain as forms: one per command type, with the fields its data takes, read
 * off the domain's own schemas so the forms never disagree with what the write model accepts.
 */
export function commandForms(domain: string): readonly CommandForm[] {
  if (!Object.hasOwn(domains, domain)) return []
  const d = domains[domain as DomainName]
  return Object.entries(d.commands).map(([type, schema]) => {
    const shape = (schema as unknown as { shape?: Record<string, { type?: string }> }).shape ?? {}
    return {
      type,
      fields: Object.entries(shape).map(([name, field]) => ({
        name,
        kind: field.type === 'number' ? 'number' : 'text',
      })),
    }
  })
}

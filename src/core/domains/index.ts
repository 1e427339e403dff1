import { bank } from './bank'
import { bookstore } from './bookstore'
import type { Domain, DomainName } from './domain'
import { profiles } from './profiles'
import { todo } from './todo'
import { users } from './users'

export type { Command, Decision, Domain, DomainName } from './domain'

export const domains: Readonly<Record<DomainName, Domain>> = {
  todo,
  bank,
  bookstore,
  users,
  profiles,
}
export const domainNames = Object.keys(domains) as DomainName[]

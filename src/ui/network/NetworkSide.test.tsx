import { act } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useStore } from 'zustand'
import { readAfterWrite } from '../../scenarios'
import { selectAct, selectFrame, type AppStore, type Frame } from '../../state/store'
import { profile, until } from '../../state/test-support'
import {
  accessibleName,
  allByRole,
  changeValue,
  getByRole,
  render,
  type Rendered,
} from '../test-support'
import type { Act } from './feedback'
import { LinkCard } from './LinkCard'
import { LinkCards } from './NetworkSide'

let view: Rendered | undefined
afterEach(() => view?.unmount())

/** The cards over a real store, as NetworkSide renders them over the app's. */
function Harness({ store }: { store: AppStore }) {
  const frame = useStore(store, selectFrame)
  const actOn = useStore(store, selectAct)
  return frame ? <LinkCards frame={frame} act={actOn} /> : null
}

async function open() {
  const store = profile().tab()
  store.getState().loadScenario(readAfterWrite)
  await store.getState().startScenario()
  await until(store, (s) => s.frame !== null)
  view = render(<Harness store={store} />)
  return { store, root: view.container }
}

const frameOf = (store: AppStore) => store.getState().frame as Frame
const linkOf = (store: AppStore, id: string) =>
  frameOf(store).projections.find((p) => p.id === id) as Frame['projections'][number]
/** The run's interventions as the learner made them, without where the engine stamped them. */
const interventions = (store: AppStore) =>
  frameOf(store).interventions.map(({ intervention }) =>
    Object.fromEntries(
      Object.entries(intervention).filter(([k]) => !['at', 'step', 'outcome'].includes(k)),
    ),
  )
const card = (root: HTMLElement, id: string) => getByRole(root, 'article', `Link to ${id}`)
const click = (el: Element) => act(() => (el as HTMLElement).click())
const input = (root: ParentNode, name: string) => getByRole<HTMLInputElement>(root, 'textbox', name)
function choose(select: HTMLSelectElement, value: string) {
  act(() => {
    select.value = value
    select.dispatchEvent(new Event('change', { bubbles: true }))
  })
}
const statusOf = (el: Element) => el.querySelector('[data-testid="link-status"]')?.textContent

describe('the network column', () => {
  it('shows one card per link with its state, counts and delivery settings', async () => {
    const { root } = await open()
    const names = allByRole(root, 'article').map(accessibleName)
    expect(names).toEqual(['Link to push-reader', 'Link to pull-reader'])
    const push = card(root, 'push-reader')
    expect(statusOf(push)).toContain('running')
    expect(push.querySelector('[data-testid="in-flight"]')?.textContent).toBe('0')
    expect(input(push, 'Ack timeout for push-reader').value).toBe('300')
    const pull = card(root, 'pull-reader')
    expect(input(pull, 'Poll interval for pull-reader').value).toBe('500')
    expect(input(pull, 'Batch for pull-reader').value).toBe('100')
    getByRole(push, 'img', /^exponential, mean 100 ms/)
  })

  it('partitions and heals, crashes and restarts, by the state the link is in', async () => {
    const { store, root } = await open()
    const push = card(root, 'push-reader')
    click(getByRole(push, 'button', 'Partition push-reader'))
    expect(linkOf(store, 'push-reader').status).toBe('partitioned')
    expect(statusOf(push)).toContain('partitioned')
    expect(push.textContent).toContain('Partitioned push-reader at 0 ms.')
    click(getByRole(push, 'button', 'Crash push-reader'))
    expect(statusOf(push)).toContain('crashed and partitioned')
    click(getByRole(push, 'button', 'Heal push-reader'))
    click(getByRole(push, 'button', 'Restart push-reader'))
    expect(statusOf(push)).toContain('running')
    getByRole(push, 'button', 'Partition push-reader')
    expect(interventions(store).map((iv) => iv['type'] as string)).toEqual([
      'partition',
      'crash',
      'heal',
      'restart',
    ])
  })

  it('applies loss, duplication and reordering in one intervention, only when asked', async () => {
    const { store, root } = await open()
    const push = card(root, 'push-reader')
    const loss = getByRole<HTMLInputElement>(push, 'slider', 'Loss for push-reader')
    changeValue(loss, '100')
    changeValue(getByRole<HTMLInputElement>(push, 'slider', 'Reorder for push-reader'), '25')
    changeValue(input(push, 'Extra max for push-reader'), '800')
    expect(push.textContent).toContain('100 %')
    expect(push.textContent).toContain('Not applied yet')
    expect(interventions(store)).toEqual([])
    click(getByRole(push, 'button', 'Apply faults for push-reader'))
    expect(interventions(store)).toEqual([
      {
        type: 'link',
        projection: 'push-reader',
        loss: 1,
        reorder: { p: 0.25, extra: { dist: 'uniform', min: 0, max: 800 } },
      },
    ])
    expect(linkOf(store, 'push-reader').link.loss).toBe(1)
    expect(push.textContent).not.toContain('Not applied yet')
  })

  it('says a bad extra delay beside its field and records nothing', async () => {
    const { store, root } = await open()
    const push = card(root, 'push-reader')
    changeValue(input(push, 'Extra min for push-reader'), '900')
    click(getByRole(push, 'button', 'Apply faults for push-reader'))
    const max = input(push, 'Extra max for push-reader')
    expect(max.getAttribute('aria-invalid')).toBe('true')
    const problem = document.getElementById(
      max.getAttribute('aria-describedby')?.split(' ')[1] ?? '',
    )
    expect(problem?.textContent).toBe('max must not be less than min')
    expect(interventions(store)).toEqual([])
  })

  it('changes the latency to another kind, checking the parameters first', async () => {
    const { store, root } = await open()
    const push = card(root, 'push-reader')
    choose(
      getByRole<HTMLSelectElement>(push, 'combobox', 'Latency kind for push-reader'),
      'uniform',
    )
    changeValue(input(push, 'Min for push-reader'), '80')
    changeValue(input(push, 'Max for push-reader'), 'ten')
    click(getByRole(push, 'button', 'Apply latency for push-reader'))
    expect(input(push, 'Max for push-reader').getAttribute('aria-invalid')).toBe('true')
    expect(push.textContent).toContain('must be a number')
    changeValue(input(push, 'Max for push-reader'), '10')
    click(getByRole(push, 'button', 'Apply latency for push-reader'))
    expect(push.textContent).toContain('max must not be less than min')
    expect(interventions(store)).toEqual([])
    changeValue(input(push, 'Max for push-reader'), '120')
    click(getByRole(push, 'button', 'Apply latency for push-reader'))
    expect(linkOf(store, 'push-reader').link.latency).toEqual({
      dist: 'uniform',
      min: 80,
      max: 120,
    })
    expect(push.textContent).toContain('Latency changed at 0 ms.')
    getByRole(push, 'img', /^uniform/)
  })

  it('changes the delivery settings within the mode', async () => {
    const { store, root } = await open()
    const pull = card(root, 'pull-reader')
    changeValue(input(pull, 'Poll interval for pull-reader'), '200')
    click(getByRole(pull, 'button', 'Apply delivery for pull-reader'))
    expect(linkOf(store, 'pull-reader').delivery).toEqual({
      mode: 'pull',
      interval: 200,
      batch: 100,
    })
    expect(input(pull, 'Poll interval for pull-reader').value).toBe('200')
    const push = card(root, 'push-reader')
    choose(
      getByRole<HTMLSelectElement>(push, 'combobox', 'Guarantee for push-reader'),
      'at-most-once',
    )
    click(getByRole(push, 'button', 'Apply delivery for push-reader'))
    expect(interventions(store)).toEqual([
      { type: 'delivery', projection: 'pull-reader', interval: 200 },
      { type: 'delivery', projection: 'push-reader', guarantee: 'at-most-once' },
    ])
  })

  it('puts the fields back to the settings of the time shown when a change is undone', async () => {
    const { store, root } = await open()
    const push = card(root, 'push-reader')
    changeValue(input(push, 'Ack timeout for push-reader'), '50')
    click(getByRole(push, 'button', 'Apply delivery for push-reader'))
    act(() => store.getState().undo())
    await until(store, (s) => s.frame?.interventions.length === 0)
    expect(input(push, 'Ack timeout for push-reader').value).toBe('300')
  })
})

describe('a link card', () => {
  it('says why an act changed nothing', async () => {
    const { store } = await open()
    const p = linkOf(store, 'push-reader')
    const noOp: Act = vi.fn(() => ({
      ok: true as const,
      outcome: { kind: 'no-op' as const, reason: 'push-reader is not cut off' },
    }))
    view?.unmount()
    view = render(<LinkCard projection={{ ...p, partitioned: true }} now={0} act={noOp} />)
    click(getByRole(view.container, 'button', 'Heal push-reader'))
    expect(noOp).toHaveBeenCalledWith({ type: 'heal', projection: 'push-reader' })
    expect(view.container.textContent).toContain('Nothing changed: push-reader is not cut off.')
  })

  it('says so when there is no link at all', () => {
    const frame = { now: 0, projections: [] } as unknown as Frame
    view = render(<LinkCards frame={frame} act={vi.fn()} />)
    expect(view.container.textContent).toContain('no link to show')
  })
})

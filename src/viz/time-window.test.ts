import { describe, expect, it } from 'vitest'
import { MIN_SPAN, panWindow, pinchWindow, zoomWindow } from './time-window'

const run = [0, 1000] as const

describe('the shared time window', () => {
  it('zooms in around a point that stays put on screen', () => {
    // 250 ms is a quarter of the way across; zoomed 2x it is still a quarter of the way.
    expect(zoomWindow([0, 1000], 2, 250, run)).toEqual([125, 625])
    expect(zoomWindow([125, 625], 0.5, 250, run)).toEqual([0, 1000])
  })

  it('never zooms out past the whole run, nor in below the shortest span', () => {
    expect(zoomWindow([0, 1000], 0.25, 900, run)).toEqual([0, 1000])
    const tight = zoomWindow([500, 502], 10, 501, run)
    expect(tight[1] - tight[0]).toBe(MIN_SPAN)
  })

  it('pans within the run, stopping at its ends', () => {
    expect(panWindow([100, 300], 50, run)).toEqual([150, 350])
    expect(panWindow([100, 300], -500, run)).toEqual([0, 200])
    expect(panWindow([800, 1000], 500, run)).toEqual([800, 1000])
  })

  it('keeps a zoom out near an edge inside the run, sliding it back', () => {
    // Around 750 in [700, 1000], 2x out: 600 ms from 650 would end at 1250; it ends at 1000.
    expect(zoomWindow([700, 1000], 0.5, 750, run)).toEqual([400, 1000])
  })
})

describe('a pinch', () => {
  it('zooms by the ratio of the fingers’ distances around the point between them', () => {
    // 1000 px for 0..1000 ms; fingers at 400 and 600 move to 300 and 700: twice as far apart.
    expect(pinchWindow([0, 1000], [400, 600], [300, 700], 1000, run)).toEqual([250, 750])
    // And back together: the whole run again.
    expect(pinchWindow([250, 750], [300, 700], [400, 600], 1000, run)).toEqual([0, 1000])
  })

  it('pans with the fingers’ midpoint', () => {
    // Same distance, both 100 px to the right over a 200 ms window: 20 ms earlier.
    expect(pinchWindow([400, 600], [100, 300], [200, 400], 1000, run)).toEqual([380, 580])
  })

  it('ignores fingers on top of each other', () => {
    expect(pinchWindow([0, 1000], [500, 500], [400, 600], 1000, run)).toEqual([0, 1000])
  })
})

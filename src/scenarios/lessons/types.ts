import type { AnomalyType, Row, ScenarioInput } from '../../core'

/**
 * Lesson prose: paragraphs separated by a blank line. Inline, `[[term]]` or `[[term|the words
 * shown]]` links to the glossary, `**words**` is strong and `` `code` `` is code. Nothing else is
 * markup, so a lesson can never inject HTML.
 */
export type Prose = string

export interface Choice {
  /** Plain text (no prose markup): it is the radio button's accessible name. */
  readonly text: string
  /** Exactly one choice of a prediction is correct; the lesson test checks it against the run. */
  readonly correct?: true
}

/** A question asked before the run goes on: the learner commits to an answer, then watches. */
export interface Prediction {
  /** Plain text (no prose markup): it is the legend of the choices. */
  readonly question: string
  readonly choices: readonly Choice[]
}

/**
 * A fact the step's explanation rests on, checked against the run at the step's end: by the
 * golden test for the fixture, and live in the app, where each claim is shown as a measured line
 * ("Read 1 ... not found") beside the explanation. A claim that no longer holds fails the test,
 * so a lesson can never say something its run does not show.
 */
export type Claim =
  /** A read of the scenario's `reads` (by index) was answered, found or not, fresh or stale. */
  | {
      readonly kind: 'read'
      readonly index: number
      readonly found?: boolean
      readonly fresh?: boolean
      readonly repaired?: boolean
      /** At least this many messages were sent to answer it (a strong read's cost). */
      readonly minCost?: number
      /** It answered at least / at most this many ms after it was asked (a read that waits). */
      readonly minWait?: number
      readonly maxWait?: number
      readonly timedOut?: boolean
    }
  /** The read a command (by index in `commands`) was decided through. */
  | { readonly kind: 'decision'; readonly command: number; readonly fresh: boolean }
  /** Anomalies of a type (on one projection, or any) are present, or absent. */
  | {
      readonly kind: 'anomaly'
      readonly type: AnomalyType
      readonly projection?: string
      readonly present: boolean
    }
  /** A projection's local row for a key (null: no row) at the step's end. */
  | {
      readonly kind: 'row'
      readonly projection: string
      readonly key: string
      readonly equals: Row | null
    }
  /** The truth's row for a key (null: no row) at the step's end. */
  | { readonly kind: 'truth'; readonly key: string; readonly equals: Row | null }
  /** A command of this type (from this client) was refused, or none was. */
  | {
      readonly kind: 'rejected'
      readonly type: string
      readonly client?: string
      readonly present: boolean
    }
  /** Some copy to this projection arrived after a later position had: out of order. */
  | { readonly kind: 'out-of-order'; readonly projection: string; readonly present: boolean }
  /** A copy to this projection was a duplicate or a redelivery of one it already had. */
  | { readonly kind: 'duplicate'; readonly projection: string; readonly present: boolean }
  /** The projection equals the truth at the step's end (and stays so: the run converged). */
  | { readonly kind: 'converged'; readonly projection: string; readonly converged: boolean }
  /**
   * A command (by index in the run's commands) decided through a read waited for that read: at
   * least / at most this many ms from being sent to being decided, and gave up waiting or not.
   */
  | {
      readonly kind: 'decision-wait'
      readonly command: number
      readonly minWait?: number
      readonly maxWait?: number
      readonly timedOut?: boolean
    }

/** The mark the explanation points at: an event, picked on the timelines and in the read side. */
export interface Evidence {
  /** The event's position in the store. */
  readonly position: number
  /** Words for the pointer: "the arrow of TodoAdded #1 to push-reader". */
  readonly label: string
}

export interface LessonStep {
  /** Stable and URL-safe: a step's link is `#lesson=<lesson id>&step=<step id>`. */
  readonly id: string
  readonly title: string
  /** What the step sets up, shown before the prediction. */
  readonly setup: Prose
  /**
   * The run of this step. Steps that share the same scenario object continue one run: the next
   * step starts where this one stopped.
   */
  readonly scenario: ScenarioInput
  /** The simulated time the run plays to in this step (Infinity: to its end). */
  readonly at: number
  /**
   * Playback speed while the step runs (simulated ms per wall ms). By default, one that plays the
   * step's stretch of time in about four seconds (0.1× to 100×; see state/lesson-actions.ts).
   */
  readonly speed?: number
  readonly predict?: Prediction
  /** What happened and why, shown once the run reached `at`. */
  readonly explain: Prose
  readonly evidence?: Evidence
  readonly claims: readonly Claim[]
}

export interface TryIt {
  readonly text: string
  readonly scenario: ScenarioInput
}

export interface Lesson {
  /** Stable and URL-safe. */
  readonly id: string
  readonly title: string
  /** The source text in ../shared/seeds it comes from (its number: 000 to 004). */
  readonly source: string
  /** One sentence for the list of lessons. */
  readonly summary: string
  /** About how long it takes in class, in minutes. */
  readonly minutes: number
  readonly steps: readonly LessonStep[]
  /** Ways to go on alone: each opens the free playground with a scenario. */
  readonly tryIt: readonly TryIt[]
  /** A comparison of the lesson's options side by side, by comparison id. */
  readonly compare?: string
}

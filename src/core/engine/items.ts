/** What can happen at a scheduled instant. Numbers, not strings: the heap holds millions. */
export const K = {
  Command: 0,
  Read: 1,
  Arrive: 2,
  AckTimeout: 3,
  Poll: 4,
  Request: 5,
  Response: 6,
  FaultStart: 7,
  FaultEnd: 8,
  WindowEnd: 9,
  GapTimer: 10,
  ReadTimeout: 11,
  RebuildEnd: 12,
} as const
export type K = (typeof K)[keyof typeof K]

/** Simulated milliseconds for people: "0.5 ms", "120 ms", "2.35 s", or a dash when unknown. */
export function formatMs(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '—'
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`
  return `${Number(ms.toFixed(ms < 10 ? 1 : 0))} ms`
}

/** "an eventual", "a strong". */
export function withArticle(word: string): string {
  return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`
}

/** Hands a file to the browser's downloads: a Blob URL behind a link clicked once. */
export function download(name: string, content: string | Blob, type = 'application/json'): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.append(a)
  a.click()
  a.remove()
  // Revoked on a later turn: the click starts the download asynchronously in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

/** Hands a text file to the browser's downloads: a Blob URL behind a link clicked once. */
export function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.append(a)
  a.click()
  a.remove()
  // Revoked on a later turn: the click starts the download asynchronously in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

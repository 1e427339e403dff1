import { download } from '../download'

/** The diagram's SVG as a standalone file (its look is in attributes, so it needs no CSS). */
function svgText(container: string): string | null {
  const svg = document.getElementById(container)?.querySelector('svg')
  if (!svg) return null
  const copy = svg.cloneNode(true) as SVGSVGElement
  copy.removeAttribute('aria-hidden')
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg')
  return new XMLSerializer().serializeToString(copy)
}

const fileName = (name: string) => name.replace(/[^\w.-]+/g, '-').toLowerCase()

export function exportSvg(container: string, name: string): void {
  const text = svgText(container)
  if (text) download(`${fileName(name)}.svg`, text, 'image/svg+xml')
}

/**
 * A PNG at twice the size on screen: white, then the canvas layer of dense arrows when there is
 * one, then the SVG, as the screen stacks them.
 */
export async function exportPng(container: string, name: string): Promise<void> {
  const root = document.getElementById(container)
  const svg = root?.querySelector('svg')
  const text = svgText(container)
  if (!root || !svg || !text) return
  const width = svg.width.baseVal.value
  const height = svg.height.baseVal.value
  const scale = 2
  const canvas = document.createElement('canvas')
  canvas.width = width * scale
  canvas.height = height * scale
  const ctx = canvas.getContext('2d')
  if (!ctx) return
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, canvas.width, canvas.height)
  const layer = root.querySelector('canvas')
  if (layer) ctx.drawImage(layer, 0, 0, canvas.width, canvas.height)
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }))
  try {
    const image = new Image()
    image.src = url
    await image.decode()
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height)
  } finally {
    URL.revokeObjectURL(url)
  }
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'))
  if (blob) download(`${fileName(name)}.png`, blob)
}

// TEMPORARY until the glossary branch lands: plain paragraphs.
export function Prose({ text }: { text: string }) {
  return (
    <>
      {text.split(/\n\n+/).map((p, i) => (
        <p key={i}>
          {p.replace(/\[\[([^\]|]+)\|?([^\]]*)\]\]/g, (_, t: string, w: string) => w || t)}
        </p>
      ))}
    </>
  )
}

export function App() {
  return (
    <main>
      <h1>Eventually</h1>
      <p>
        A playground that makes eventual consistency visible: commands become events, a simulated
        network delivers them late, twice or out of order, and you watch the read models catch up.
      </p>
    </main>
  )
}

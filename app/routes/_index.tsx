export default function Index() {
  return (
    <main>
      <h1>Tierwise · 大模型落地决策台</h1>
    </main>
  );
}

// Restake: not built yet.
import { ComingNext } from "../components/ui.tsx";

export default function Restake() {
  return (
    <ComingNext title="Restake">
      Choosing an asset, an amount and operators, with a diversified split suggested by the risk engine and a simulated
      preview before you sign, arrives in the next slice. Until then, deposit with <code>npx rampart deposit</code>.
    </ComingNext>
  );
}

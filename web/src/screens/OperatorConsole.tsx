// Operator console: not built yet.
import { ComingNext } from "../components/ui.tsx";

export default function OperatorConsole() {
  return (
    <ComingNext title="Operator console">
      Registering, joining and leaving operator sets, allocations and commission changes arrive in a later slice. Until
      then use <code>npx rampart operator</code>.
    </ComingNext>
  );
}

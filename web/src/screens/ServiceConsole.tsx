// Service console: not built yet.
import { ComingNext } from "../components/ui.tsx";

export default function ServiceConsole() {
  return (
    <ComingNext title="Service console">
      Creating operator sets, funding reward programs and requesting, vetoing or executing slashes arrive in a later
      slice. Until then use <code>npx rampart service</code>.
    </ComingNext>
  );
}

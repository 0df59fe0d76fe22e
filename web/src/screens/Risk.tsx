// Risk: not built yet.
import { ComingNext } from "../components/ui.tsx";

export default function Risk(_props: { address?: string }) {
  return (
    <ComingNext title="Risk">
      Your exposure per service, the worst single event, concentration warnings and the staking-vs-restaking fan chart
      arrive in the next slice. Until then: <code>npx rampart risk position &lt;address&gt;</code>.
    </ComingNext>
  );
}

// Layout (skip link, header with the wallet, navigation) and the hash router. Every screen is its own lazy chunk so
// the first load stays small.
import { lazy, type ReactNode, Suspense, useEffect, useRef } from "react";
import { ComingNext, Loading } from "./components/ui.tsx";
import { href, useRoute } from "./router.ts";
import { Toasts } from "./tx/toasts.tsx";
import { WalletPanel } from "./wallet/WalletPanel.tsx";

const Portfolio = lazy(() => import("./screens/Portfolio.tsx"));
const Operators = lazy(() => import("./screens/Operators.tsx"));
const OperatorDetail = lazy(() => import("./screens/OperatorDetail.tsx"));
const Services = lazy(() => import("./screens/Services.tsx"));
const Activity = lazy(() => import("./screens/Activity.tsx"));
const Restake = lazy(() => import("./screens/Restake.tsx"));
const Risk = lazy(() => import("./screens/Risk.tsx"));
const OperatorConsole = lazy(() => import("./screens/OperatorConsole.tsx"));
const ServiceConsole = lazy(() => import("./screens/ServiceConsole.tsx"));

const NAV: { route: string; label: string }[] = [
  { route: "portfolio", label: "Portfolio" },
  { route: "restake", label: "Restake" },
  { route: "operators", label: "Operators" },
  { route: "services", label: "Services" },
  { route: "risk", label: "Risk" },
  { route: "activity", label: "Activity" },
  { route: "operator-console", label: "Operator console" },
  { route: "service-console", label: "Service console" },
];

function Screen(props: { route: string[] }): ReactNode {
  const [page, id] = props.route;
  switch (page) {
    case "portfolio":
      return <Portfolio address={id} />;
    case "operators":
      return id ? <OperatorDetail address={id} /> : <Operators />;
    case "services":
      return <Services address={id} />;
    case "activity":
      return <Activity />;
    case "restake":
      return <Restake />;
    case "risk":
      return <Risk address={id} />;
    case "operator-console":
      return <OperatorConsole />;
    case "service-console":
      return <ServiceConsole />;
    default:
      return (
        <ComingNext title="Page not found">
          There is no page <code>#{props.route.join("/")}</code>. Use the navigation above.
        </ComingNext>
      );
  }
}

export function App() {
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  const key = route.join("/");
  // Moving between pages puts keyboard and screen-reader focus on the new page's content.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
    document.title = `Rampart · ${key.split("/")[0] ?? ""}`;
  }, [key]);
  return (
    <>
      {/* A button, not a link: "#main" would be read as a hash route. */}
      <button type="button" className="skip-link" onClick={() => main.current?.focus()}>
        Skip to content
      </button>
      <header className="site-header">
        <a className="brand" href={href("portfolio")}>
          Rampart
        </a>
        <WalletPanel />
      </header>
      <nav aria-label="Main" className="site-nav">
        <ul>
          {NAV.map((item) => (
            <li key={item.route}>
              <a href={href(item.route)} aria-current={route[0] === item.route ? "page" : undefined}>
                {item.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" ref={main} tabIndex={-1}>
        <Suspense fallback={<Loading what="the page" />}>
          <Screen route={route} />
        </Suspense>
      </main>
      <Toasts />
    </>
  );
}

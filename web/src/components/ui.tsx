// Small building blocks shared by the screens: amounts with their full value on hover, addresses with copy, notices,
// tables that scroll on narrow screens and stay keyboard reachable.
import { type ReactNode, useState } from "react";
import { formatAmount, formatEth, shortAddress } from "../format.ts";
import { href } from "../router.ts";

export function Amount(props: { value: string | bigint; decimals: number; unit: string | null | undefined }) {
  const f = formatAmount(props.value, props.decimals, props.unit ?? "tokens");
  return (
    <span className="amount" title={f.full}>
      {f.text}
    </span>
  );
}

export function EthAmount(props: { wei: string | bigint }) {
  const f = formatEth(props.wei);
  return (
    <span className="amount eth" title={f.full}>
      {f.text}
    </span>
  );
}

/** Tokens, and beside them their ETH value when the API gives one. */
export function TokenAndEth(props: {
  value: string | bigint;
  decimals: number;
  unit: string | null | undefined;
  wei?: string | bigint | null;
}) {
  return (
    <>
      <Amount value={props.value} decimals={props.decimals} unit={props.unit} />
      {props.wei !== undefined && props.wei !== null ? (
        <>
          {" "}
          <span className="muted">
            (<EthAmount wei={props.wei} />)
          </span>
        </>
      ) : null}
    </>
  );
}

export function AddressLink(props: { address: string; kind: "operators" | "services"; name?: string }) {
  return (
    <a href={href(props.kind, props.address)} title={props.address}>
      {props.name ? (
        <>
          {props.name} <span className="muted mono">{shortAddress(props.address)}</span>
        </>
      ) : (
        <span className="mono">{shortAddress(props.address)}</span>
      )}
    </a>
  );
}

export function CopyButton(props: { text: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="small"
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(props.text);
          setCopied(true);
          setTimeout(() => setCopied(false), 1500);
        } catch {
          setCopied(false);
        }
      }}
      aria-label={props.label}
    >
      {copied ? "Copied" : "Copy"}
    </button>
  );
}

export function FullAddress(props: { address: string; label: string }) {
  return (
    <span className="full-address">
      <code className="mono break">{props.address}</code> <CopyButton text={props.address} label={props.label} />
    </span>
  );
}

export function Notice(props: { kind?: "info" | "warn" | "error"; title?: string; children: ReactNode }) {
  return (
    <div className={`notice ${props.kind ?? "info"}`} role={props.kind === "error" ? "alert" : "status"}>
      {props.title ? <strong>{props.title} </strong> : null}
      {props.children}
    </div>
  );
}

/** A table in a focusable, labelled region that scrolls sideways on small screens. */
export function Table(props: { caption: string; children: ReactNode; id?: string }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (axe scrollable-region-focusable)
    <section className="table-wrap" tabIndex={0} aria-label={props.caption} id={props.id}>
      <table>
        <caption>{props.caption}</caption>
        {props.children}
      </table>
    </section>
  );
}

export function Loading(props: { what: string }) {
  return (
    <p className="muted" aria-live="polite">
      Loading {props.what}…
    </p>
  );
}

export function ErrorNotice(props: { error: unknown; what: string }) {
  const e = props.error as { message?: string; hint?: string } | null;
  return (
    <Notice kind="error" title={`Could not load ${props.what}.`}>
      {e?.message ?? String(props.error)}
      {e?.hint ? <> — {e.hint}</> : null}
    </Notice>
  );
}

export function Badge(props: { tone: "ok" | "warn" | "bad" | "neutral"; children: ReactNode }) {
  return <span className={`badge ${props.tone}`}>{props.children}</span>;
}

export function ComingNext(props: { title: string; children: ReactNode }) {
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{props.title}</h1>
      <Notice title="Coming next.">{props.children}</Notice>
    </section>
  );
}

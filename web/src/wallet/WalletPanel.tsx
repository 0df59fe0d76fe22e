// Connect, switch account, switch chain, disconnect. On the local network (chain 31337) the dev accounts come first:
// a new user can act at once; injected wallets are found through EIP-6963 (one button per wallet announced).
import { useMemo, useState } from "react";
import { useConnect, useConnection, useConnectors, useDisconnect, useSwitchChain } from "wagmi";
import { devAccountsOffered } from "../app-config.ts";
import { useAppConfig } from "../context.ts";
import { shortAddress } from "../format.ts";
import { deriveDevAccounts } from "./derive.ts";
import { DEV_CONNECTOR_ID, selectDevAccount, storedDevIndex } from "./devAccounts.ts";

function DevAccountPicker(props: { onPick: (index: number) => void; current?: number; action: string }) {
  const config = useAppConfig();
  const count = config.devAccountCount ?? 40;
  const accounts = useMemo(() => deriveDevAccounts(count), [count]);
  // Default: the one already chosen, else the first staker of `npm start`'s scenario (#20) when there is one.
  const [index, setIndex] = useState(() => {
    const wanted = props.current ?? 20;
    return wanted < accounts.length ? wanted : 0;
  });
  return (
    <form
      className="dev-picker"
      onSubmit={(e) => {
        e.preventDefault();
        props.onPick(index);
      }}
    >
      <label htmlFor="dev-account">Dev account</label>
      <select id="dev-account" value={index} onChange={(e) => setIndex(Number(e.target.value))}>
        {accounts.map((a, i) => (
          <option key={a.address} value={i}>
            #{i} {shortAddress(a.address)}
            {config.devAccountLabels?.[String(i)] ? ` — ${config.devAccountLabels[String(i)]}` : ""}
          </option>
        ))}
      </select>
      <button type="submit">{props.action}</button>
    </form>
  );
}

export function WalletPanel() {
  const config = useAppConfig();
  const connection = useConnection();
  const connectors = useConnectors();
  const { connect, error: connectError, isPending } = useConnect();
  const { disconnect } = useDisconnect();
  const { switchChain, isPending: switching, error: switchError } = useSwitchChain();
  const [open, setOpen] = useState(false);
  const dev = connectors.find((c) => c.id === DEV_CONNECTOR_ID);
  // EIP-6963 wallets announce themselves (type "injected" with an rdns); the plain injected connector is a fallback
  // for wallets that only set window.ethereum.
  const announced = connectors.filter((c) => c.type === "injected" && c.id !== "injected");
  const legacy =
    announced.length === 0 && typeof window !== "undefined" && (window as { ethereum?: unknown }).ethereum
      ? connectors.filter((c) => c.id === "injected")
      : [];
  const wallets = [...announced, ...legacy];

  if (connection.status === "connected" && connection.address) {
    const wrongChain = connection.chainId !== config.chainId;
    const isDev = connection.connector?.id === DEV_CONNECTOR_ID;
    return (
      <div className="wallet">
        <span className="wallet-address" title={connection.address}>
          <span className="visually-hidden">Connected as </span>
          <span className="mono" data-testid="connected-address">
            {shortAddress(connection.address)}
          </span>
          <span className="muted"> · {connection.connector?.name}</span>
        </span>
        {isDev ? (
          <DevAccountPicker action="Switch" current={storedDevIndex()} onPick={(i) => selectDevAccount(i)} />
        ) : null}
        <button type="button" className="small" onClick={() => disconnect()}>
          Disconnect
        </button>
        {wrongChain ? (
          <div className="notice warn" role="alert">
            Your wallet is on chain {connection.chainId}; this Rampart deployment is on chain {config.chainId}.{" "}
            <button type="button" disabled={switching} onClick={() => switchChain({ chainId: config.chainId })}>
              {switching ? "Switching…" : `Switch to ${config.chainName ?? `chain ${config.chainId}`}`}
            </button>
            {switchError ? <span> Could not switch: {switchError.message.split("\n")[0]}</span> : null}
          </div>
        ) : null}
      </div>
    );
  }

  return (
    <div className="wallet">
      <button type="button" aria-expanded={open} aria-controls="connect-panel" onClick={() => setOpen(!open)}>
        {isPending ? "Connecting…" : "Connect"}
      </button>
      {open ? (
        <div
          id="connect-panel"
          className="connect-panel"
          role="dialog"
          aria-label="Connect a wallet"
          onKeyDown={(e) => {
            if (e.key === "Escape") setOpen(false);
          }}
        >
          {dev && devAccountsOffered(config) ? (
            <section aria-labelledby="dev-title">
              <h2 id="dev-title" className="small-heading">
                Local network
              </h2>
              <p className="muted small-text">anvil's public test accounts: never use them on a real chain.</p>
              <DevAccountPicker
                action="Connect dev account"
                onPick={(index) => {
                  selectDevAccount(index);
                  connect({ connector: dev });
                  setOpen(false);
                }}
              />
            </section>
          ) : null}
          <section aria-labelledby="wallets-title">
            <h2 id="wallets-title" className="small-heading">
              Browser wallets
            </h2>
            {wallets.length === 0 ? (
              <p className="muted small-text">No browser wallet found. Install one, or use a dev account locally.</p>
            ) : (
              <ul className="plain">
                {wallets.map((c) => (
                  <li key={c.uid}>
                    <button
                      type="button"
                      onClick={() => {
                        connect({ connector: c, chainId: config.chainId });
                        setOpen(false);
                      }}
                    >
                      {c.icon ? <img src={c.icon} alt="" width={16} height={16} /> : null} {c.name}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      ) : null}
      {connectError ? (
        <p className="notice error" role="alert">
          Could not connect: {connectError.message.split("\n")[0]}
        </p>
      ) : null}
    </div>
  );
}
